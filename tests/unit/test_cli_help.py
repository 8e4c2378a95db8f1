"""Every command and option of `showcase` says in its --help what it is for."""
from __future__ import annotations

import argparse

from showcase.cli.main import build_parser


def _blank(parser: argparse.ArgumentParser, name: str):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for command, sub in action.choices.items():
                if not helps.get(command):
                    yield f"{name} {command}"
                yield from _blank(sub, f"{name} {command}")
        elif not isinstance(action, argparse._HelpAction) and not (action.help or "").strip():
            yield f"{name} {'/'.join(action.option_strings) or action.dest}"


def test_every_command_and_option_has_help():
    assert list(_blank(build_parser(), "showcase")) == []


def test_the_walk_finds_a_blank_option():
    parser = build_parser()
    parser.add_argument("--nothing")
    assert list(_blank(parser, "showcase")) == ["showcase --nothing"]
