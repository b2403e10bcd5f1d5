package store

import (
	"errors"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/parleychat/parley"
)

// isUniqueViolation reports whether err is a unique or primary key violation
// on either engine.
func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || se.Code() == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

// isForeignKeyViolation reports whether err is a foreign key violation on
// either engine: the row refers to a parent that does not exist.
func isForeignKeyViolation(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() == sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23503"
}

// isStatementError reports whether err is the database refusing a
// statement (any error the engine reported), rather than a lost
// connection or an ended context.
func isStatementError(err error) bool {
	var se *sqlite.Error
	var pe *pgconn.PgError
	return errors.As(err, &se) || errors.As(err, &pe)
}

// rowError is the error of one row the database refused: EINVALID for
// data it cannot hold (PostgreSQL's class 22, data exception: NUL or
// invalid UTF-8 in text, a value out of range), else err.
func rowError(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && strings.HasPrefix(pe.Code, "22") {
		return parley.Errorf(parley.EINVALID, "The message holds data the database cannot store.")
	}
	return err
}

// notFound is the error for a missing object, named in a sentence: "Agent".
func notFound(what string) error {
	return parley.Errorf(parley.ENOTFOUND, "%s not found.", what)
}
