package bus

import (
	"github.com/nats-io/nats.go"
	"github.com/prometheus/client_golang/prometheus"
)

// collector reports the connection's statistics, read from nats.Conn at
// scrape time so that nothing is counted twice or goes stale.
type collector struct {
	conn *nats.Conn

	connected     *prometheus.Desc
	receivedMsgs  *prometheus.Desc
	sentMsgs      *prometheus.Desc
	receivedBytes *prometheus.Desc
	sentBytes     *prometheus.Desc
	reconnects    *prometheus.Desc
}

func newCollector(conn *nats.Conn) *collector {
	desc := func(name, help string) *prometheus.Desc {
		return prometheus.NewDesc("parley_bus_"+name, help, nil, nil)
	}
	return &collector{
		conn:          conn,
		connected:     desc("connected", "1 if the bus is connected to its NATS server, else 0."),
		receivedMsgs:  desc("received_messages_total", "Messages delivered to this node by NATS."),
		sentMsgs:      desc("sent_messages_total", "Messages published by this node."),
		receivedBytes: desc("received_bytes_total", "Payload bytes delivered to this node by NATS."),
		sentBytes:     desc("sent_bytes_total", "Payload bytes published by this node."),
		reconnects:    desc("reconnects_total", "Times the connection to NATS was re-established."),
	}
}

// Collector returns a Prometheus collector of the bus's connection metrics,
// all named parley_bus_*. Register it once.
func (b *Bus) Collector() prometheus.Collector { return b.collector }

// Describe implements prometheus.Collector.
func (c *collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.connected
	ch <- c.receivedMsgs
	ch <- c.sentMsgs
	ch <- c.receivedBytes
	ch <- c.sentBytes
	ch <- c.reconnects
}

// Collect implements prometheus.Collector.
func (c *collector) Collect(ch chan<- prometheus.Metric) {
	connected := 0.0
	if c.conn.IsConnected() {
		connected = 1
	}
	s := c.conn.Stats()
	ch <- prometheus.MustNewConstMetric(c.connected, prometheus.GaugeValue, connected)
	ch <- prometheus.MustNewConstMetric(c.receivedMsgs, prometheus.CounterValue, float64(s.InMsgs))
	ch <- prometheus.MustNewConstMetric(c.sentMsgs, prometheus.CounterValue, float64(s.OutMsgs))
	ch <- prometheus.MustNewConstMetric(c.receivedBytes, prometheus.CounterValue, float64(s.InBytes))
	ch <- prometheus.MustNewConstMetric(c.sentBytes, prometheus.CounterValue, float64(s.OutBytes))
	ch <- prometheus.MustNewConstMetric(c.reconnects, prometheus.CounterValue, float64(s.Reconnects))
}
