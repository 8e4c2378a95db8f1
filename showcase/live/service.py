"""Applying the acts of the day: validate → append the event → apply it to the state → acknowledge.

An act is acknowledged only after its row is committed (store.append returns after the commit), so a
phone that saw “已提交” has a score that survives `kill -9`. Refusals are appended too (kind `refused`,
with the act and the message), so the audit log shows every attempt. One lock serialises the acts.
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from showcase.domain.competition.scoring import plain
from showcase.live import acts
from showcase.live.rules import LiveCompetition, check_values, parse_score
from showcase.live.security import RateLimiter, code_matches, hash_code, new_pin, new_token, normalize_pin, token_hash
from showcase.live.state import HOST, Session, State, replay
from showcase.live.store import Event, Store


@dataclass
class Outcome:
    ok: bool
    messages: list[str] = field(default_factory=list)
    status: int = 200
    event: Event | None = None
    extra: dict = field(default_factory=dict)

    @property
    def message(self) -> str:
        return "；".join(self.messages)


class Service:
    """One competition's live day: its store, its replayed state, the limits on code entry."""

    def __init__(self, comp: LiveCompetition, store: Store, limiter: RateLimiter | None = None):
        self.comp, self.store = comp, store
        self.limiter = limiter or RateLimiter()
        self.lock = threading.Lock()
        self._local = threading.local()  # the last event the current thread's act inserted
        self.state: State = replay(store.since(0))

    def catch_up(self) -> None:
        """Apply rows another process wrote (e.g. `showcase live --codes` while the server runs)."""
        for event in self.store.since(self.state.version):
            self.state.apply(event)

    def read(self, view, *args):
        """`view(comp, state, *args)` under the lock: never a state half-way through an act."""
        with self.lock:
            return view(self.comp, self.state, *args)

    def frozen(self) -> State:
        """The state as it is now, copied under the lock: for views too slow to compute under it."""
        with self.lock:
            return self.state.copy()

    @contextmanager
    def _durably(self):
        """An act: under the lock, its events are inserted and applied (the next act sees them); after
        the lock is released — and before the caller can acknowledge anything — they are committed."""
        self._local.last = 0
        try:
            with self.lock:
                yield
        finally:
            if self._local.last:
                self.store.commit_through(self._local.last)

    def _append(self, kind: str, **columns) -> Event:
        self.catch_up()  # rows of another process first: the state's version must never skip them
        event = self.store.insert(kind, **columns)
        self.state.apply(event)
        self._local.last = event.id
        return event

    def refuse(self, act: str, messages: list[str], status: int, device: str = "", judge: str = "",
               round: str = "", entry: str = "", data: dict | None = None) -> Outcome:
        with self._durably():
            event = self._append("refused", device=device, judge=judge, round=str(round or ""),
                                 entry=str(entry or ""), data={"act": act, "message": "；".join(messages),
                                                               **(data or {})})
        return Outcome(False, messages, status, event)

    # ---- codes and sessions ------------------------------------------------------------------------

    def issue_codes(self, keys: list[str], device: str = "") -> dict[str, str]:
        """New codes for these judges (and HOST): key → PIN, shown once; the stored hash replaces the old."""
        with self._durably():
            self.catch_up()
            pins: dict[str, str] = {}
            for key in keys:
                pins[key] = new_pin(set(pins.values()))
                self._append("code_issued", device=device, judge="" if key == HOST else key,
                             data={"role": "host" if key == HOST else "judge", "hash": hash_code(pins[key])})
        return pins

    def revoke(self, judge: str, device: str) -> Outcome:
        if self.comp.judge(judge) is None:
            return self.refuse("revoke", [f"没有评委“{judge}”"], 400, device=device, judge=str(judge))
        with self._durably():
            event = self._append("code_revoked", device=device, judge=judge)
        return Outcome(True, event=event)

    def login(self, typed, device: str, address: str) -> Outcome:
        wait = self.limiter.wait_seconds(address)
        if wait:
            return self.refuse("login", [f"输入错误次数过多，请 {wait} 秒后再试"], 429, device=device)
        pin = normalize_pin(typed)
        with self._durably():
            self.catch_up()
            key = next((k for k, stored in self.state.codes.items() if len(pin) == 6 and code_matches(pin, stored)),
                       None)
            problem = self._code_problem(key)
            if problem is None:
                token, csrf = new_token(), new_token()
                role = "host" if key == HOST else "judge"
                event = self._append("login", device=device, judge="" if key == HOST else key,
                                     data={"role": role, "session": token_hash(token), "csrf": csrf})
                return Outcome(True, event=event, extra={"token": token, "csrf": csrf, "role": role,
                                                         "judge": "" if key == HOST else key})
        if key is None:
            self.limiter.failed(address)
        return self.refuse("login", [problem], 403 if key is None else 409, device=device,
                           judge="" if key in (None, HOST) else key)

    def _code_problem(self, key: str | None) -> str | None:
        if key is None:
            return "评审码不正确，请核对后重新输入"
        if key in self.state.revoked:
            return "这个评审码已作废，请找工作人员重新领取"
        if key in self.state.used:
            return "这个评审码已经使用过，不能再次使用；如需换手机，请找工作人员重新发码"
        return None

    def session(self, token: str | None) -> Session | None:
        return self.state.session(token_hash(token)) if token else None

    # ---- judges --------------------------------------------------------------------------------------

    def score(self, session: Session, round_id, entry_id, values, correction: bool, device: str) -> Outcome:
        kind = "correction" if correction else "score"
        with self._durably():
            problems = acts.score_problems(self.comp, self.state, session.judge, round_id, entry_id, values,
                                           correction)
            if not problems:
                exact, _ = check_values(self.comp.criteria(round_id), values)
                text = {name: plain(value) for name, value in exact.items()}
                event = self._append(kind, device=device, judge=session.judge, round=round_id, entry=entry_id,
                                     data={"values": text})
                return Outcome(True, event=event, extra={"total": plain(sum(exact.values()))})
        status = 400 if acts.values_only(problems) else 409  # 409: the act conflicts with the day's state
        return self.refuse(kind, problems, status, device=device, judge=session.judge, round=round_id,
                           entry=entry_id, data={"values": values if isinstance(values, dict) else str(values)})

    # ---- the host ------------------------------------------------------------------------------------

    def host(self, act: str, params: dict, device: str) -> Outcome:
        """The host console's acts: current, lock, reopen, vote, publish, awards."""
        round_id, entry_id = params.get("round"), params.get("entry")
        with self._durably():
            problems = self._host_problems(act, params)
            if not problems:
                data = {}
                if act == "reopen":
                    data = {"reason": str(params["reason"]).strip()}
                elif act == "vote":
                    data = {"vote": plain(parse_score(params["vote"]))}
                event = self._append(act, device=device, round=str(round_id or ""), entry=str(entry_id or ""),
                                     data=data)
                return Outcome(True, event=event)
        return self.refuse(act, problems, 400 if act in HOST_ACTS else 404, device=device, round=round_id,
                           entry=entry_id, data={k: str(v) for k, v in params.items() if k not in ("round", "entry")})

    def _host_problems(self, act: str, params: dict) -> list[str]:
        comp, state = self.comp, self.state
        r, e = params.get("round"), params.get("entry")
        checks = {
            "current": lambda: acts.team_problems(comp, r, e),
            "lock": lambda: acts.lock_problems(comp, state, r, e),
            "reopen": lambda: acts.reopen_problems(comp, state, r, e, params.get("reason")),
            "vote": lambda: acts.vote_problems(comp, state, r, e, params.get("vote")),
            "publish": lambda: acts.publish_problems(comp, state, r, e),
            "awards": lambda: acts.awards_problems(comp, state),
        }
        return checks[act]() if act in checks else [f"没有这个操作：{act}"]


HOST_ACTS = ("current", "lock", "reopen", "vote", "publish", "awards")
