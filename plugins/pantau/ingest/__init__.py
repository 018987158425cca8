"""Getting delivered files into the warehouse: archive, register, load."""
