package main

import (
	"encoding/json"
	"io"
)

// writeReport writes a load tool's report to w: as indented JSON, or as
// the report prints itself.
func writeReport(w io.Writer, rep interface{ print(io.Writer) }, asJSON bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	rep.print(w)
	return nil
}
