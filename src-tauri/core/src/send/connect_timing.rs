//! Measuring connect time for real. reqwest does not report it, but it lets a tower layer wrap
//! its connector. The layer times each connect (DNS + TCP + TLS) and writes the duration into a
//! log that the send installed as a task-local before calling reqwest. hyper starts a connect
//! from inside the request's own future, so the task-local is visible there; a request served
//! from the connection pool never calls the connector and so reports no connect time at all.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use tower_layer::Layer;
use tower_service::Service;

tokio::task_local! {
    static CONNECTS: ConnectLog;
}

/// Connect durations measured while one send ran.
#[derive(Clone, Default)]
pub(crate) struct ConnectLog(Arc<Mutex<Vec<Duration>>>);

impl ConnectLog {
    fn push(&self, d: Duration) {
        if let Ok(mut list) = self.0.lock() {
            list.push(d);
        }
    }

    /// Sum of the measured connects in milliseconds, `None` if no connect happened.
    pub(crate) fn total_ms(&self) -> Option<f64> {
        let list = self.0.lock().ok()?;
        (!list.is_empty()).then(|| list.iter().map(Duration::as_secs_f64).sum::<f64>() * 1000.0)
    }

    /// Runs `fut` with this log visible to the connector layer.
    pub(crate) async fn scope<F: Future>(self, fut: F) -> F::Output {
        CONNECTS.scope(self, fut).await
    }
}

/// The layer given to `reqwest::ClientBuilder::connector_layer`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ConnectTimingLayer;

impl<S> Layer<S> for ConnectTimingLayer {
    type Service = ConnectTiming<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ConnectTiming { inner }
    }
}

/// The connector wrapped with a stopwatch.
#[derive(Clone, Debug)]
pub(crate) struct ConnectTiming<S> {
    inner: S,
}

type Boxed<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;

impl<S, R> Service<R> for ConnectTiming<S>
where
    S: Service<R>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Boxed<S::Response, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: R) -> Self::Future {
        // Read the task-local now: `call` runs inside the send's future.
        let log = CONNECTS.try_with(ConnectLog::clone).ok();
        let started = Instant::now();
        let connecting = self.inner.call(req);
        Box::pin(async move {
            let result = connecting.await;
            if let (Ok(_), Some(log)) = (&result, log) {
                log.push(started.elapsed());
            }
            result
        })
    }
}
