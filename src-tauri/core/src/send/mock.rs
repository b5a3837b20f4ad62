//! A test double for code that sends: answers from a closure and remembers every request, so
//! tests of request building, guardrails and logging need no network.

use std::sync::Mutex;

use super::request::OutgoingRequest;
use super::response::HttpResponse;
use super::{HttpSender, SendFuture};
use crate::error::Result;

type Handler = Box<dyn Fn(&OutgoingRequest) -> Result<HttpResponse> + Send + Sync>;

/// Answers every request with `handler(&request)` and records the requests in order.
pub struct MockSender {
    handler: Handler,
    sent: Mutex<Vec<OutgoingRequest>>,
}

impl MockSender {
    /// A sender whose answers come from `handler` (which may return errors too).
    pub fn new(handler: impl Fn(&OutgoingRequest) -> Result<HttpResponse> + Send + Sync + 'static) -> Self {
        MockSender { handler: Box::new(handler), sent: Mutex::new(Vec::new()) }
    }

    /// A sender that answers every request with a copy of `response`.
    pub fn always(response: HttpResponse) -> Self {
        Self::new(move |_| Ok(response.clone()))
    }

    /// Every request sent so far, oldest first.
    pub fn sent(&self) -> Vec<OutgoingRequest> {
        self.sent.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

impl HttpSender for MockSender {
    fn send(&self, req: OutgoingRequest) -> SendFuture<'_> {
        let answer = (self.handler)(&req);
        if let Ok(mut sent) = self.sent.lock() {
            sent.push(req);
        }
        Box::pin(async move { answer })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use reqwest::Method;

    #[tokio::test]
    async fn mock_answers_from_the_handler_and_records_requests() {
        let mock = MockSender::new(|req| {
            if req.url.ends_with("/fail") {
                Err(Error::network(crate::error::NetworkKind::Connect, "down"))
            } else {
                Ok(HttpResponse::json(200, &serde_json::json!({"path": req.url})))
            }
        });
        let ok = mock.send(OutgoingRequest::new(Method::GET, "http://h/ok")).await.expect("handler says ok");
        assert_eq!(ok.status, 200);
        let err = mock.send(OutgoingRequest::new(Method::POST, "http://h/fail")).await.expect_err("handler fails");
        assert_eq!(err.code(), "network");
        let sent = mock.sent();
        assert_eq!(sent.len(), 2, "both requests are recorded, failed ones too");
        assert_eq!(sent[1].method, Method::POST);
    }
}
