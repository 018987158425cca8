"""What Pantau tells people about the warehouse: summaries now, reports later."""
