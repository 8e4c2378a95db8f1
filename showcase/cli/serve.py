"""`showcase serve`: the live preview (MkDocs' serve with fast rebuilds, showcase/mkdocs/serve.py)."""
from __future__ import annotations

import sys

from showcase.cli.project import parse_now


def cmd_serve(args) -> int:
    from showcase.mkdocs.serve import serve

    try:
        parse_now(args.now)
    except ValueError as exc:
        print(f"错误: {exc}", file=sys.stderr)
        return 2
    if args.host in ("0.0.0.0", "::"):
        from showcase.cli.hosting import lan_addresses

        for address in lan_addresses():
            print(f"局域网预览：同一网络的电脑可打开 http://{address}:{args.port}/", file=sys.stderr)
    # Every rebuild of the session sees these (the plugin's options, set over mkdocs.yml's).
    options = {"edition": args.edition, "drafts": args.drafts, "now": args.now or ""}
    serve(config_file=args.config_file, host=args.host, port=args.port, options=options,
          desk=getattr(args, "desk", True))
    return 0
