/**
 * The catalogue of every error Rapport reports, with its HTTP status. Codes are stable: clients and
 * scripts match on them, so a code is never renamed once released.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, summary: 'The request does not match the schema; details name each field at fault.' },
  INVALID_JSON: { status: 400, summary: 'The request body is not valid JSON; details give the position.' },
  BAD_REQUEST: { status: 400, summary: 'The request is malformed in a way no more specific code covers, such as a path that is not valid percent-encoding.' },
  INVALID_CURSOR: { status: 400, summary: 'The pagination cursor was not produced by this server for this query.' },
  UNAUTHENTICATED: { status: 401, summary: 'No valid session cookie or API token was sent.' },
  INVALID_CREDENTIALS: { status: 401, summary: 'The email or the password is wrong.' },
  CSRF_FAILED: { status: 403, summary: 'A state-changing request with a session cookie lacks the matching x-csrf-token header.' },
  NOT_FOUND: { status: 404, summary: 'No such route.' },
  CONTACT_NOT_FOUND: { status: 404, summary: 'No contact with that id belongs to you.' },
  INTERACTION_NOT_FOUND: { status: 404, summary: 'No interaction with that id belongs to you.' },
  EVENT_NOT_FOUND: { status: 404, summary: 'No milestone with that id belongs to you.' },
  EXCHANGE_NOT_FOUND: { status: 404, summary: 'No offer or ask with that id belongs to you.' },
  CALENDAR_NOT_FOUND: { status: 404, summary: 'No calendar feed is active, or the feed address is not valid.' },
  SKILL_NOT_FOUND: { status: 404, summary: 'No skill with that id belongs to you.' },
  RATING_NOT_FOUND: { status: 404, summary: 'No self-rating with that id belongs to you.' },
  RESOURCE_NOT_FOUND: { status: 404, summary: 'No resource with that id belongs to you.' },
  REFLECTION_NOT_FOUND: { status: 404, summary: 'That interaction has no reflection yet.' },
  FEEDBACK_REQUEST_NOT_FOUND: { status: 404, summary: 'No feedback request with that id belongs to you.' },
  FEEDBACK_LINK_INVALID: { status: 404, summary: 'The feedback link is unknown, expired, withdrawn or already answered.' },
  TOKEN_NOT_FOUND: { status: 404, summary: 'No API token with that id belongs to you.' },
  USER_NOT_FOUND: { status: 404, summary: 'No user with that email exists.' },
  IMPORT_NOT_FOUND: { status: 404, summary: 'No uploaded import with that id belongs to you, or it expired; upload the file again.' },
  MERGE_NOT_FOUND: { status: 404, summary: 'No merge with that id belongs to you.' },
  DISMISSAL_NOT_FOUND: { status: 404, summary: 'Those two contacts were not marked as different people.' },
  EMAIL_TAKEN: { status: 409, summary: 'Another account already uses that email.' },
  SETUP_DONE: { status: 409, summary: 'The first account already exists; sign in instead.' },
  ACCOUNT_NOT_EMPTY: { status: 409, summary: 'The account already has contacts; the demo network only goes into an empty account.' },
  IMPORT_ALREADY_COMMITTED: { status: 409, summary: 'That import was already committed; nothing was imported twice.' },
  RESTORE_TARGET_NOT_EMPTY: { status: 409, summary: 'A backup restores only into an account with no data; details say what it already has.' },
  MERGE_UNDO_CONFLICT: { status: 409, summary: 'The merge cannot be undone: it was undone already, or the kept contact changed since.' },
  BODY_TOO_LARGE: { status: 413, summary: 'The request body is larger than the server accepts.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, summary: 'The request body must be application/json (or, for file uploads, the file itself).' },
  IMPORT_FILE_INVALID: { status: 422, summary: 'The file cannot be imported (empty, binary, unknown layout); details name the file, line and field.' },
  BACKUP_INVALID: { status: 422, summary: 'The file is not a Rapport backup this version can restore; details say where it differs.' },
  RATE_LIMITED: { status: 429, summary: 'Too many failed attempts; wait before trying again.' },
  INTERNAL: { status: 500, summary: 'Something went wrong on the server; the log has the details.' },
  DATABASE_TOO_NEW: { status: 500, summary: 'The database was written by a newer Rapport than this one.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where an error lies: the fields at fault, or the line and column in a body or file. */
export interface ErrorDetails {
  fields?: { path: string; message: string }[];
  line?: number;
  column?: number;
  [key: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
