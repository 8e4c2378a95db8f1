"""The live day's state, derived by replaying the events in order (nothing else is kept).

`State.apply(event)` is the one place an event changes the state; the server replays the store at start
and applies each new event as it is committed, so a restart resumes exactly where the day was.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from showcase.live.store import Event

HOST = "host"  # the role (and code key) of the host console


@dataclass(frozen=True)
class Session:
    role: str  # "judge" | "host"
    judge: str  # the judge's id ("" for the host)
    csrf: str
    device: str


@dataclass
class Submission:
    values: dict  # criterion name → score as text ("27.5"): exact, as the judge gave it
    at: str
    corrections: int = 0


@dataclass
class State:
    version: int = 0  # id of the last event applied: the big screen's version
    codes: dict = field(default_factory=dict)  # judge id or HOST → stored code hash
    used: set = field(default_factory=set)  # judges whose current code has been used
    revoked: set = field(default_factory=set)  # judges whose code is revoked (until a new one is issued)
    sessions: dict = field(default_factory=dict)  # session token hash → Session
    current: tuple | None = None  # (round id, entry id) on stage
    scores: dict = field(default_factory=dict)  # (round, entry, judge) → Submission
    locked: set = field(default_factory=set)  # (round, entry)
    published: list = field(default_factory=list)  # (round, entry) in publication order
    votes: dict = field(default_factory=dict)  # entry id → crowd vote as text (out of 100)
    awards_published: bool = False
    refusals: int = 0
    results_version: int = 0  # id of the last event that can change a published score or the awards

    def apply(self, event: Event) -> None:
        handler = APPLY.get(event.kind)
        if handler:
            handler(self, event)
        if event.kind in RESULTS_KINDS:
            self.results_version = event.id
        self.version = max(self.version, event.id)

    def copy(self) -> "State":
        """A copy to read at leisure (outside the service's lock) while acts go on changing the original."""
        return replace(self, codes=dict(self.codes), used=set(self.used), revoked=set(self.revoked),
                       sessions=dict(self.sessions), scores=dict(self.scores), locked=set(self.locked),
                       published=list(self.published), votes=dict(self.votes))

    def submitted(self, round_id: str, entry_id: str) -> list[str]:
        """Judges who have scored this team in this round."""
        return [judge for (r, e, judge) in self.scores if (r, e) == (round_id, entry_id)]

    def session(self, token_hash: str) -> Session | None:
        return self.sessions.get(token_hash)


def replay(events) -> State:
    state = State()
    for event in events:
        state.apply(event)
    return state


def _code_issued(state: State, event: Event) -> None:
    key = event.judge or HOST
    state.codes[key] = event.data["hash"]
    state.used.discard(key)
    state.revoked.discard(key)
    _end_sessions(state, key)  # a new code ends the sessions of the old one


def _code_revoked(state: State, event: Event) -> None:
    state.revoked.add(event.judge)
    _end_sessions(state, event.judge)


def _end_sessions(state: State, key: str) -> None:
    for token, session in list(state.sessions.items()):
        if (session.judge or HOST) == key:
            del state.sessions[token]


def _login(state: State, event: Event) -> None:
    role = event.data["role"]
    state.used.add(event.judge or HOST)
    state.sessions[event.data["session"]] = Session(role, event.judge, event.data["csrf"], event.device)


def _current(state: State, event: Event) -> None:
    state.current = (event.round, event.entry)


def _score(state: State, event: Event) -> None:
    key = (event.round, event.entry, event.judge)
    before = state.scores.get(key)
    corrections = before.corrections + 1 if before else 0
    state.scores[key] = Submission(dict(event.data["values"]), event.at, corrections)


def _lock(state: State, event: Event) -> None:
    state.locked.add((event.round, event.entry))


def _reopen(state: State, event: Event) -> None:
    key = (event.round, event.entry)
    state.locked.discard(key)
    if key in state.published:  # a reopened team's score is off the screen until published again
        state.published.remove(key)
    state.awards_published = False


def _vote(state: State, event: Event) -> None:
    state.votes[event.entry] = event.data["vote"]


def _publish(state: State, event: Event) -> None:
    key = (event.round, event.entry)
    if key not in state.published:
        state.published.append(key)


def _awards(state: State, event: Event) -> None:
    state.awards_published = True


def _refused(state: State, event: Event) -> None:
    state.refusals += 1


RESULTS_KINDS = {"lock", "reopen", "vote", "publish", "awards"}
APPLY = {
    "code_issued": _code_issued, "code_revoked": _code_revoked, "login": _login, "current": _current,
    "score": _score, "correction": _score, "lock": _lock, "reopen": _reopen, "vote": _vote,
    "publish": _publish, "awards": _awards, "refused": _refused,
}
