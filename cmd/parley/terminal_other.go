//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package main

import "errors"

// isTerminal reports false where Parley cannot turn off a terminal's echo:
// the password must then come from --password-stdin.
func isTerminal(int) bool { return false }

func noEcho(int) (func(), error) { return nil, errors.New("not supported on this system") }
