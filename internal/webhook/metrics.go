package webhook

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleychat/parley"
)

// Metrics are the dispatcher's Prometheus metrics.
type Metrics struct {
	attempts *prometheus.CounterVec
	latency  prometheus.Histogram
}

// NewMetrics registers the metrics on reg:
//
//	parley_webhook_attempts_total{result="delivered|retry|failed"}
//	parley_webhook_attempt_seconds (latency of each request)
//	parley_webhook_pending_deliveries (read from the store when scraped)
//	parley_webhook_oldest_pending_seconds (age of the oldest pending delivery)
func NewMetrics(reg prometheus.Registerer, s parley.WebhookStore) (*Metrics, error) {
	m := &Metrics{
		attempts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "parley_webhook_attempts_total",
			Help: "Webhook requests made, by what they led to: delivered, retry (pending again) or failed (given up).",
		}, []string{"result"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name:    "parley_webhook_attempt_seconds",
			Help:    "Time from sending a webhook request to its response (or error).",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 15},
		}),
	}
	for _, c := range []prometheus.Collector{m.attempts, m.latency, backlog{s}} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *Metrics) observe(a *parley.WebhookAttempt, o parley.WebhookOutcome) {
	result := "retry"
	switch o.Status {
	case parley.DeliveryDelivered:
		result = "delivered"
	case parley.DeliveryFailed:
		result = "failed"
	}
	m.attempts.WithLabelValues(result).Inc()
	m.latency.Observe(a.Latency.Seconds())
}

// backlog reports the store's pending deliveries when scraped.
type backlog struct{ store parley.WebhookStore }

var (
	pendingDesc = prometheus.NewDesc("parley_webhook_pending_deliveries",
		"Webhook deliveries not yet delivered nor given up, in every workspace.", nil, nil)
	oldestDesc = prometheus.NewDesc("parley_webhook_oldest_pending_seconds",
		"Age of the oldest pending webhook delivery; 0 when none.", nil, nil)
)

func (backlog) Describe(ch chan<- *prometheus.Desc) {
	ch <- pendingDesc
	ch <- oldestDesc
}

func (b backlog) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, oldest, err := b.store.WebhookBacklog(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(pendingDesc, err)
		return
	}
	age := 0.0
	if !oldest.IsZero() {
		age = time.Since(oldest).Seconds()
	}
	ch <- prometheus.MustNewConstMetric(pendingDesc, prometheus.GaugeValue, float64(n))
	ch <- prometheus.MustNewConstMetric(oldestDesc, prometheus.GaugeValue, age)
}
