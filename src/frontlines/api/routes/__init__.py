"""One router per resource; each module's ``make_router()`` builds its router afresh."""
