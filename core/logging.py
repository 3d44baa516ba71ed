"""Structured JSON logs on stdout. Only the message and safe metadata: never request bodies."""

import json
import logging
from datetime import UTC, datetime

_SAFE_EXTRA_KEYS = ("status_code", "method", "path_name", "task", "count", "duration_ms")


class JsonFormatter(logging.Formatter):
    def format(self, record):
        payload = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in _SAFE_EXTRA_KEYS:
            if hasattr(record, key):
                payload[key] = getattr(record, key)
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)
