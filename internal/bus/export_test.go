package bus

import "net"

// Listeners returns the address of every network listener the embedded
// server opened: client, monitoring, cluster, gateway and profiler ports.
// It is empty for an external bus.
func Listeners(b *Bus) []net.Addr {
	if b.srv == nil {
		return nil
	}
	var addrs []net.Addr
	if a := b.srv.Addr(); a != nil {
		addrs = append(addrs, a)
	}
	for _, a := range []*net.TCPAddr{b.srv.MonitorAddr(), b.srv.ClusterAddr(), b.srv.GatewayAddr(), b.srv.ProfilerAddr()} {
		if a != nil {
			addrs = append(addrs, a)
		}
	}
	return addrs
}
