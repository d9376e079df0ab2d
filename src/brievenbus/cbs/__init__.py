"""Local figures from CBS: StatLine CSV exports and the open-data service (DESIGN §6).

Data flow of ``brief importeer cbs``:

1. ``statline_csv.read_statline_csv`` (a file) or ``odata.fetch_table`` (online)
   reads one period of one table into a ``table.Extract``: one cell per
   municipality and topic column, regions matched by ``regions.RegionMatcher``.
2. ``importing.check_values`` turns cells into figures; impossible values
   (negative, not a number, more than the inhabitants) stay unknown and are
   named in the report.
3. ``importing.write_figures`` merges them into ``cijfers.yaml``, validates the
   new text with the model that reads it later and writes it atomically.

``importing.import_cbs`` runs the three steps; the CLI only prints its report.
"""
