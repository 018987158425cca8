DROP TABLE mart.figure_row;
