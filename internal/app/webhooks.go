package app

import (
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/config"
	"github.com/parleychat/parley/internal/outbound"
	"github.com/parleychat/parley/internal/webhook"
)

// webhookResponseBytes bounds what a webhook response may send before the
// request counts as failed; the delivery log keeps the first KiB.
const webhookResponseBytes = 64 << 10

// newWebhooks returns the webhook dispatcher of the configuration, with its
// own outbound client (the webhook timeout, a small response cap) under
// the same allow-list as every other outbound request.
func newWebhooks(cfg config.Config, logger *slog.Logger, s parley.WebhookStore, reg prometheus.Registerer) (*webhook.Dispatcher, error) {
	schedule, err := webhook.ParseSchedule(cfg.WebhookSchedule)
	if err != nil {
		return nil, fmt.Errorf("PARLEY_WEBHOOK_SCHEDULE: %w", err)
	}
	client, err := outbound.New(outbound.Config{
		Allow: cfg.OutboundAllowList(), Timeout: cfg.WebhookTimeout, MaxResponseBytes: webhookResponseBytes, Logger: logger,
	})
	if err != nil {
		return nil, fmt.Errorf("PARLEY_OUTBOUND_ALLOW: %w", err)
	}
	metrics, err := webhook.NewMetrics(reg, s)
	if err != nil {
		return nil, err
	}
	return webhook.New(webhook.Config{
		Store: s, Client: client, Logger: logger, Schedule: schedule, Timeout: cfg.WebhookTimeout,
		Retention: cfg.WebhookRetention, Metrics: metrics,
	})
}
