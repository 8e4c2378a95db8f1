"""Running the live server: uvicorn on 127.0.0.1:8800 by default (`--host 0.0.0.0` for the hall's Wi-Fi)."""
from __future__ import annotations

import uvicorn

from showcase.live.app import create_app
from showcase.live.service import Service

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8800


def serve(service: Service, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> None:
    config = uvicorn.Config(create_app(service), host=host, port=port, log_level="warning", access_log=False,
                            timeout_graceful_shutdown=1, lifespan="off")
    uvicorn.Server(config).run()
