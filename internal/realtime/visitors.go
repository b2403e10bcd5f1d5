package realtime

import (
	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/visitors"
)

// page records the page a visitor's widget is on (Config.Visitors). Only
// a visitor sends it; the URL and title are bounded and validated.
func (c *conn) page(req *request) error {
	if !c.identity().Visitor {
		return parley.Errorf(parley.EFORBIDDEN, "Only a visitor reports the page it is on.")
	}
	p, err := parley.CheckVisitorPage(parley.VisitorPage{URL: req.URL, Title: req.Title})
	if err != nil {
		return err
	}
	if c.visit != nil {
		c.g.cfg.Visitors.Page(c.visit, p)
	}
	c.reply(outFrame{data: encode(ackFrame{Type: "ack", ID: req.ID})})
	return nil
}

// subscribeVisitors has a staff connection with contacts:read follow the
// visitors of its workspace: a visitor frame for each that comes online,
// changes page or goes offline. The current list is GET
// /api/v1/visitors/online, read after subscribing.
func (c *conn) subscribeVisitors(req *request) error {
	who := c.identity()
	switch {
	case who.Visitor:
		return parley.Errorf(parley.EFORBIDDEN, "Only staff follow the visitors of the site.")
	case !who.Principal.Can(parley.ScopeContactsRead):
		return parley.Errorf(parley.EFORBIDDEN, "This needs the %s scope.", parley.ScopeContactsRead)
	case c.g.cfg.Visitors == nil:
		return parley.Errorf(parley.EUNAVAILABLE, "This server does not track visitors.")
	}
	if c.stopVisitors == nil {
		c.stopVisitors = c.g.cfg.Visitors.Watch(who.Caller.WorkspaceID(), func(ch visitors.Change) {
			v := ch.Visitor
			c.reply(outFrame{data: encode(visitorFrame{Type: "visitor", Event: ch.Event, Visitor: &v}), staffOnly: true})
		})
	}
	c.reply(outFrame{data: encode(ackFrame{Type: "visitors_subscribed", ID: req.ID})})
	return nil
}

// invite delivers an agent's invitation to a visitor's connection.
func (c *conn) invite(inv *parley.Invitation) {
	if c.isEnding() {
		return
	}
	c.reply(outFrame{data: encode(invitationFrame{Type: "invitation", Invitation: inv})})
}
