// Empty: vitest runs as the server, where 'server-only' is a no-op.
