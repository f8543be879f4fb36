"""The staff console (工作台): the bureau, finance, auditors and department clerks do their work in a browser.

Server-rendered pages (FastAPI + Jinja2, HTMX for partial updates) served through the gateway at ``/console/``. The
console owns no business data: it signs people in (its own small database of staff accounts and sessions) and calls
the services through the gateway as the signed-in person.
"""
