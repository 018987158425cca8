"""The four agency exports: what each file looks like and how to read it."""
