"""Kesbangpol monitoring reports: data from the marts, HTML, PDF, XLSX and figures.json."""
