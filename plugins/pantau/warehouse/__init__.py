"""The PostgreSQL warehouse: the server, connections, migrations, bulk loading."""
