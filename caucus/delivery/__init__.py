"""Updates reaching members by e-mail and text: the outbox (one row per recipient × channel ×
update, sent exactly once as far as SMTP allows), suppression, members' preferences."""
