"""One module per subcommand; discovered by ``app.cli.build_parser``."""
