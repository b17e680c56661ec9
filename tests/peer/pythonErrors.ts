/** Python's built-in exception classes the library's tests raise, as JavaScript errors with the same family tree. */
export class ValueError extends Error {
  override name = 'ValueError';
}
export class KeyError extends Error {
  override name = 'KeyError';
}
export class PythonTypeError extends Error {
  override name = 'TypeError';
}
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}
export class OSError extends Error {
  override name = 'OSError';
}
export class ConnectionError extends OSError {
  override name = 'ConnectionError';
}
