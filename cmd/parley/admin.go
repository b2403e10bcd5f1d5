package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
	"github.com/parleychat/parley/internal/store"
)

const adminUsage = `Usage: parley admin COMMAND [flags]

Commands (each takes -h for its flags, and the database settings of "parley serve"):
  create-workspace  --slug S --name N                       create a workspace; prints its id
  create-agent      --email E --role R [...]                create an agent; prints its id
  create-token      --name N --scopes s1,s2                 create an API token; prints only the token
  reset-password    --email E                               set an agent's password; ends its sessions
  sign-in           --password local|external|off           how the sign-in form checks passwords (break-glass)

--workspace SLUG picks the workspace (default "default"). The password of
create-agent and reset-password is asked for on a terminal; in a script,
--password-stdin reads it from the first line of standard input (--password P
also works, but shows it to everyone who can list processes).
`

// adminCommand is one "parley admin" subcommand.
type adminCommand struct {
	summary string
	// password says whether the command needs a password for in: one
	// given by neither --password nor --password-stdin is asked for on a
	// terminal.
	password func(in *adminInput) bool
	flags    func(fs *flag.FlagSet, in *adminInput)
	run      func(ctx context.Context, e env, in *adminInput, t adminTarget) error
}

// adminTarget is what an admin subcommand works on.
type adminTarget struct {
	accounts  *account.Service
	store     parley.Store
	workspace *parley.Workspace // nil for create-workspace
}

// adminInput collects the flags of every admin subcommand.
type adminInput struct {
	workspace, slug, name, email, password, role, scopes string
	passwordMode                                         string
	passwordStdin, bot, systemAdmin                      bool
}

var adminCommands = map[string]adminCommand{
	"create-workspace": {
		summary: "Create a workspace (tenant) and print its id.",
		flags: func(fs *flag.FlagSet, in *adminInput) {
			fs.StringVar(&in.slug, "slug", "", "workspace slug: lower-case letters, digits and -")
			fs.StringVar(&in.name, "name", "", "display name (default: the slug)")
		},
		run: func(ctx context.Context, e env, in *adminInput, t adminTarget) error {
			name := in.name
			if name == "" {
				name = in.slug
			}
			w, err := t.accounts.CreateWorkspace(ctx, parley.SystemActor, in.slug, name)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, w.ID)
			return nil
		},
	},
	"create-agent": {
		summary:  "Create an agent (a console user or a bot) and print its id.",
		password: func(in *adminInput) bool { return !in.bot },
		flags: func(fs *flag.FlagSet, in *adminInput) {
			workspaceFlag(fs, in)
			fs.StringVar(&in.email, "email", "", "email address (the login)")
			fs.StringVar(&in.name, "name", "", "display name (default: the part of the email before @)")
			fs.StringVar(&in.role, "role", string(parley.RoleAgent), "admin, supervisor or agent")
			fs.BoolVar(&in.bot, "bot", false, "the agent is a bot (may have no password)")
			fs.BoolVar(&in.systemAdmin, "system-admin", false, "may manage every workspace of this installation")
			passwordFlags(fs, in)
		},
		run: func(ctx context.Context, e env, in *adminInput, t adminTarget) error {
			a := &parley.Agent{
				WorkspaceID: t.workspace.ID, Email: in.email, Name: in.name, Role: parley.Role(in.role),
				Bot: in.bot, SystemAdmin: in.systemAdmin,
			}
			if a.Name == "" {
				a.Name, _, _ = strings.Cut(in.email, "@")
			}
			if err := t.accounts.CreateAgent(ctx, parley.SystemActor, a, in.password); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, a.ID)
			return nil
		},
	},
	"create-token": {
		summary: "Create an API token and print it. It is shown only this once.",
		flags: func(fs *flag.FlagSet, in *adminInput) {
			workspaceFlag(fs, in)
			fs.StringVar(&in.name, "name", "", "a name saying what the token is for")
			fs.StringVar(&in.scopes, "scopes", "", "comma-separated scopes, e.g. agents:read,inboxes:write or all")
		},
		run: func(ctx context.Context, e env, in *adminInput, t adminTarget) error {
			scopes, err := parley.ParseScopes(in.scopes)
			if err != nil {
				return err
			}
			_, secret, err := t.accounts.CreateToken(ctx, nil, t.workspace.ID, in.name, scopes)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, secret)
			return nil
		},
	},
	"reset-password": {
		summary:  "Set an agent's password and end all of its sessions.",
		password: func(*adminInput) bool { return true },
		flags: func(fs *flag.FlagSet, in *adminInput) {
			workspaceFlag(fs, in)
			fs.StringVar(&in.email, "email", "", "the agent's email address")
			passwordFlags(fs, in)
		},
		run: func(ctx context.Context, e env, in *adminInput, t adminTarget) error {
			a, err := t.store.FindAgentByEmail(ctx, t.workspace.ID, in.email)
			if err != nil {
				return err
			}
			if err := t.accounts.ResetPassword(ctx, parley.SystemActor, t.workspace.ID, a.ID, in.password); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Password of %s changed.\n", a.Email)
			return nil
		},
	},
	"sign-in": {
		summary: "Set how the console's sign-in form checks passwords, leaving single sign-on as it is. " +
			"The way back in when the identity provider or the company's endpoint fails: --password local.",
		flags: func(fs *flag.FlagSet, in *adminInput) {
			workspaceFlag(fs, in)
			fs.StringVar(&in.passwordMode, "password", string(parley.PasswordLocal),
				"local (Parley's passwords), external (the company's endpoint) or off")
		},
		run: func(ctx context.Context, e env, in *adminInput, t adminTarget) error {
			set, err := t.accounts.SetPasswordMode(ctx, parley.SystemActor, t.workspace.ID, parley.PasswordMode(in.passwordMode))
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Password sign-in of workspace %s: %s.\n", t.workspace.Slug, set.Password)
			return nil
		},
	},
}

func workspaceFlag(fs *flag.FlagSet, in *adminInput) {
	fs.StringVar(&in.workspace, "workspace", parley.DefaultWorkspaceSlug, "slug of the workspace")
}

func passwordFlags(fs *flag.FlagSet, in *adminInput) {
	fs.StringVar(&in.password, "password", "", "the password (at least 10 characters); prefer --password-stdin")
	fs.BoolVar(&in.passwordStdin, "password-stdin", false, "read the password from the first line of standard input")
}

// admin runs one "parley admin" subcommand against the configured database.
func admin(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(e.stdout, adminUsage)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	cmd, ok := adminCommands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "parley admin: unknown command %q\n\n%s", args[0], adminUsage)
		return errUsage
	}
	var in adminInput
	cfg, _, err := parseFlags(e, "parley admin "+args[0], cmd.summary, args[1:], func(fs *flag.FlagSet) { cmd.flags(fs, &in) })
	if err != nil {
		return err
	}
	if in.password, err = adminPassword(e, cmd, &in, args[0]); err != nil {
		return err
	}
	logger := cfg.Logger(e.stderr)
	st, err := store.Open(ctx, cfg.ResolvedDatabaseURL(), logger)
	if err != nil {
		return err
	}
	defer st.Close()
	t := adminTarget{accounts: account.New(st, account.Options{Logger: logger}), store: st}
	if in.workspace != "" {
		if t.workspace, err = findWorkspace(ctx, t, in.workspace); err != nil {
			return fmt.Errorf("workspace %q: %w", in.workspace, describe(err))
		}
	}
	return describe(cmd.run(ctx, e, &in, t))
}

// findWorkspace finds a workspace by slug. The default workspace is created
// if missing, so that scripts may run admin commands before the first serve.
func findWorkspace(ctx context.Context, t adminTarget, slug string) (*parley.Workspace, error) {
	ws, err := t.store.FindWorkspaceBySlug(ctx, slug)
	if parley.ErrorCode(err) != parley.ENOTFOUND || slug != parley.DefaultWorkspaceSlug {
		return ws, err
	}
	ws, err = t.accounts.CreateWorkspace(ctx, parley.SystemActor, slug, "Default")
	if parley.ErrorCode(err) == parley.ECONFLICT { // created meanwhile by another process
		return t.store.FindWorkspaceBySlug(ctx, slug)
	}
	return ws, err
}

// describe turns a parley error into a message for a person at a terminal,
// listing the invalid fields.
func describe(err error) error {
	var pe *parley.Error
	if !errors.As(err, &pe) {
		return err
	}
	msg := pe.Message
	for _, f := range pe.Fields {
		msg += fmt.Sprintf("\n  --%s: %s", strings.ReplaceAll(f.Field, "_", "-"), f.Message)
	}
	return errors.New(msg)
}

// adminPassword returns the password of an admin command: --password,
// else --password-stdin's line, else, when the command needs one, the
// password typed on the terminal. Without a terminal it says how to give
// one in a script.
func adminPassword(e env, cmd adminCommand, in *adminInput, name string) (string, error) {
	switch {
	case in.passwordStdin:
		return readPassword(e.stdin)
	case in.password != "" || cmd.password == nil || !cmd.password(in):
		return in.password, nil
	}
	tty := terminal(e.stdin)
	if tty == nil {
		return "", fmt.Errorf("%s needs a password: pipe it in with --password-stdin, e.g.\n"+
			"  echo 'a long password' | %s admin %s --email %s --password-stdin", name, selfCommand(), name, orPlaceholder(in.email))
	}
	return promptPassword(tty, e.stderr, orPlaceholder(in.email))
}

func orPlaceholder(email string) string {
	if email == "" {
		return "EMAIL"
	}
	return email
}

func readPassword(r io.Reader) (string, error) {
	if r == nil {
		r = os.Stdin
	}
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		return "", fmt.Errorf("read password from standard input: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
