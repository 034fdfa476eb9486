package wizard

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals end the wizard as Ctrl-C does: what was answered is kept, the
// terminal is restored, and the process exits with 128 + the signal's number.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// signals watches for stopSignals while the wizard runs.
type signals struct {
	ch      chan os.Signal
	done    chan struct{}
	stopped chan struct{} // closed at the first signal
	mu      sync.Mutex
	got     os.Signal
	send    func(os.Signal)
}

func watchSignals() *signals {
	s := &signals{ch: make(chan os.Signal, len(stopSignals)), done: make(chan struct{}), stopped: make(chan struct{})}
	signal.Notify(s.ch, stopSignals...)
	go s.loop()
	return s
}

func (s *signals) loop() {
	for {
		select {
		case <-s.done:
			return
		case sig := <-s.ch:
			s.mu.Lock()
			first := s.got == nil
			if first {
				s.got = sig
				close(s.stopped)
			}
			send := s.send
			s.mu.Unlock()
			if send != nil {
				send(sig)
			}
		}
	}
}

// forward hands every later signal to send (the running program).
func (s *signals) forward(send func(os.Signal)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.send = send
	if s.got != nil {
		go send(s.got)
	}
}

// signal is the first signal received, or nil.
func (s *signals) signal() os.Signal {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.got
}

func (s *signals) close() {
	signal.Stop(s.ch)
	close(s.done)
}
