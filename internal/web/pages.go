package web

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// pageCSP is the Content-Security-Policy of every HTML page Parley serves:
// scripts and styles from this origin only, no inline script, API and
// WebSocket calls to this origin only, never framed. Images may also come
// from https URLs: agents' pictures (avatar_url) are https URLs elsewhere.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; " +
	"font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// pages are the HTML templates, filled with hashed asset paths.
type pages struct {
	demo    *template.Template
	console *template.Template
}

// pageData is what a page template sees.
type pageData struct {
	Demo    bool   // demo mode is on
	InboxID string // the demo inbox, in demo mode
}

func loadPages(fsys fs.FS, a *assets) (*pages, error) {
	funcs := template.FuncMap{
		// asset is the URL of a built file by source name, "" if not built.
		"asset": func(name string) string {
			if p, ok := a.manifest[name]; ok {
				return "/" + p
			}
			return ""
		},
	}
	parse := func(name string) (*template.Template, error) {
		b, err := fs.ReadFile(fsys, "dist/"+name)
		if err != nil {
			return nil, fmt.Errorf("read %s (run web/build.sh): %w", name, err)
		}
		t, err := template.New(name).Funcs(funcs).Parse(string(b))
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", name, err)
		}
		return t, nil
	}
	var p pages
	var err error
	if p.demo, err = parse("demo.html"); err != nil {
		return nil, err
	}
	if p.console, err = parse("console.html"); err != nil {
		return nil, err
	}
	return &p, nil
}

// writePage renders t and writes it with the page headers.
func (s *Site) writePage(w http.ResponseWriter, r *http.Request, t *template.Template, data pageData, csp string) {
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		s.cfg.Logger.ErrorContext(r.Context(), "render page", "page", t.Name(), "err", err)
		http.Error(w, "Internal error.", http.StatusInternalServerError)
		return
	}
	writeHTML(w, buf.Bytes(), csp)
}

func writeHTML(w http.ResponseWriter, body []byte, csp string) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-cache")
	w.Write(body)
}

// serveHome serves / : the demo page (a pretend customer site embedding
// the widget) in demo mode, else a short landing page.
func (s *Site) serveHome(w http.ResponseWriter, r *http.Request) {
	data := pageData{}
	if s.cfg.Demo != nil {
		data = pageData{Demo: true, InboxID: s.cfg.Demo.InboxID()}
	}
	s.writePage(w, r, s.pages.demo, data, pageCSP)
}

// serveConsole serves the console's HTML shell for /console and every path
// under it; the console's script routes by the path.
func (s *Site) serveConsole(w http.ResponseWriter, r *http.Request) {
	var origins []string
	if s.cfg.FrameOrigins != nil {
		origins = s.cfg.FrameOrigins(r)
	}
	w.Header().Set("Vary", "Cookie") // the frame-src is the session's workspace's
	s.writePage(w, r, s.pages.console, pageData{}, consoleCSP(origins))
}

// consoleCSP is pageCSP with a frame-src of exactly origins (each a
// scheme://host[:port] without anything a CSP source could misread; the
// others are left out), and no frame-src (default-src 'none': nothing may
// be framed) when there is none.
func consoleCSP(origins []string) string {
	var ok []string
	for _, o := range origins {
		if validOrigin(o) && !slices.Contains(ok, o) {
			ok = append(ok, o)
		}
	}
	if len(ok) == 0 {
		return pageCSP
	}
	return pageCSP + "; frame-src " + strings.Join(ok, " ")
}

// validOrigin reports whether o is an http(s) origin: a scheme, a host
// of letters, digits, dots, hyphens (or an IPv6 address in brackets) and
// an optional port.
func validOrigin(o string) bool {
	u, err := url.Parse(o)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.Scheme+"://"+u.Host != o {
		return false
	}
	for _, c := range u.Host {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune(".-:[]", c)) {
			return false
		}
	}
	return true
}
