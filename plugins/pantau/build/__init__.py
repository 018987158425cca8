"""Building a period: the core star schema, person links, the named rules, marts."""
