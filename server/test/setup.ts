// Booting the app runs every migration on a fresh database: seconds, not milliseconds.
jest.setTimeout(60_000);
