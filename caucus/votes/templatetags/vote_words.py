"""``{{ vote.state|state_words }}``, ``{{ vote.kind|kind_words }}``: a vote's state and kind in
the reader's language (caucus.votes.member_words)."""

from __future__ import annotations

from django import template

from caucus.votes import member_words

register = template.Library()
register.filter("state_words", member_words.state_words)
register.filter("kind_words", member_words.kind_words)
