"""Cross-agency reconciliation: core star schema, person links, rules, marts per period."""
