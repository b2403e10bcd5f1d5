// A small client of Parley's REST API (/api/v1), shared by the widget and
// the console. Errors are RFC 9457 problem documents, thrown as ApiError.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'HTTP ' + status)
    this.status = status
    this.code = problem.code || ''
    this.reason = problem.reason || ''
    this.problem = problem
  }
}

// request calls the API at base (an origin, "" for this one). opts:
// method, token (Authorization: Bearer), body (a JSON value, or a Blob/File
// sent as is with its type), headers, credentials (fetch's, default
// "omit"), csrf (X-CSRF-Token, for the console's cookie session).
export async function request(base, path, opts = {}) {
  const headers = { ...opts.headers }
  let body = opts.body
  if (opts.token) headers.Authorization = 'Bearer ' + opts.token
  if (opts.csrf) headers['X-CSRF-Token'] = opts.csrf
  if (body !== undefined && !(body instanceof Blob)) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(body)
  } else if (body instanceof Blob) {
    headers['Content-Type'] = body.type || 'application/octet-stream'
  }
  const res = await fetch(base + path, {
    method: opts.method || (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    credentials: opts.credentials || 'omit',
  })
  if (!res.ok) {
    let problem = {}
    try { problem = await res.json() } catch { /* not JSON */ }
    throw new ApiError(res.status, problem)
  }
  if (opts.raw) return res
  return res.status === 204 ? null : res.json()
}
