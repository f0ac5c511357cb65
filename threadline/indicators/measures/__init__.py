"""How each indicator is counted from the live record: one module per indicator, each with a
``count(window) -> Tally`` that reads only the rows in (or just before) the window."""
