"""`showcase live … --codes`: new codes for every judge and the host, and a printable sheet of them.

Each judge's card has a QR code (segno, inline SVG — nothing fetched) that opens the judge page with
the code filled in, and the same code as a 6-digit PIN to type. The host's code is on its own card, to
be cut off and kept by the organiser. Issuing codes replaces (revokes) any earlier ones.
"""
from __future__ import annotations

import html

import segno

from showcase.live.rules import LiveCompetition
from showcase.live.state import HOST

STYLE = """
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; }
h1 { font-size: 18pt; margin: 0 0 4mm; } p.note { margin: 0 0 6mm; font-size: 10pt; color: #555; }
.cards { display: grid; grid-template-columns: repeat(2, 1fr); gap: 6mm; }
.card { border: 1px dashed #999; padding: 5mm; break-inside: avoid; display: flex; gap: 5mm; align-items: center; }
.card svg { width: 38mm; height: 38mm; flex: none; }
.who { font-size: 14pt; font-weight: bold; } .pin { font: bold 24pt monospace; letter-spacing: 2mm; margin: 2mm 0; }
.url { font-size: 8pt; color: #555; word-break: break-all; } .host { border-color: #b00; }
"""


def judge_url(base: str, pin: str) -> str:
    return f"{base.rstrip('/')}/judge?code={pin}"


def card(who: str, detail: str, pin: str, url: str, extra_class: str = "") -> str:
    svg = segno.make(url, error="m").svg_inline(scale=4, omitsize=True)
    return (f'<div class="card {extra_class}">{svg}<div><div class="who">{html.escape(who)}</div>'
            f'<div>{html.escape(detail)}</div><div class="pin">{pin[:3]} {pin[3:]}</div>'
            f'<div class="url">{html.escape(url)}</div></div></div>')


def sheet(comp: LiveCompetition, pins: dict[str, str], base: str) -> str:
    """The printable HTML sheet: one card per judge, then the host's card."""
    cards = [card(j["name"], f"评委 · {j.get('title') or j['id']}", pins[j["id"]], judge_url(base, pins[j["id"]]))
             for j in comp.judges if j["id"] in pins]
    if HOST in pins:
        host_url = f"{base.rstrip('/')}/host"
        cards.append(card("主持人（工作人员自留，勿发给评委）", "主持台登录码", pins[HOST], host_url, "host"))
    title = html.escape(comp.title)
    return (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title} · 评审码</title>'
            f"<style>{STYLE}</style></head><body><h1>{title} · 评审码</h1>"
            '<p class="note">每位评委一张：用手机扫码，或打开网址后输入 6 位评审码。每个码只能在一台手机上使用一次；'
            "重新发码后旧码作废。打印后沿虚线剪开。</p>"
            f'<div class="cards">{"".join(cards)}</div></body></html>\n')
