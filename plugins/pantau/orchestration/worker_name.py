"""The host name a Celery worker's tasks record (``[core] hostname_callable``).

On one machine every worker has the same host name, so the task instances
could not say which worker ran them; each worker of ``make cluster`` sets
``PANTAU_CELERY_HOSTNAME`` to its Celery name and its tasks record that.
Imported by every task process: nothing but the standard library.
"""

from __future__ import annotations

import os
import socket


def hostname() -> str:
    return os.environ.get("PANTAU_CELERY_HOSTNAME") or socket.getfqdn()
