package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// terminal returns stdin as a file when it is a terminal (a person typing),
// else nil.
func terminal(stdin io.Reader) *os.File {
	f, ok := stdin.(*os.File)
	if !ok || f == nil || !isTerminal(int(f.Fd())) {
		return nil
	}
	return f
}

// promptPassword asks for a new password on the terminal tty, twice, with
// echo off, writing the prompts to out.
func promptPassword(tty *os.File, out io.Writer, who string) (string, error) {
	r := bufio.NewReader(tty)
	read := func(prompt string) (string, error) {
		fmt.Fprint(out, prompt)
		restore, err := noEcho(int(tty.Fd()))
		if err != nil {
			return "", fmt.Errorf("turn off the terminal's echo: %w", err)
		}
		line, err := r.ReadString('\n')
		restore()
		fmt.Fprintln(out)
		if err != nil && (err != io.EOF || line == "") {
			return "", fmt.Errorf("read the password: %w", err)
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	first, err := read("New password for " + who + " (at least 10 characters): ")
	if err != nil {
		return "", err
	}
	again, err := read("Type it again: ")
	if err != nil {
		return "", err
	}
	if first != again {
		return "", errors.New("the two passwords differ; nothing was changed")
	}
	return first, nil
}
