//! Errors as `application/problem+json` (RFC 9457), carrying what the CLI
//! shows: the kind, file, line, column, message and hint.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A problem the service answers with instead of the output (boxed: it
/// travels in every `Result` of a request's handling).
#[derive(Debug, Clone)]
pub struct Problem(Box<Details>);

/// What a problem answer says.
#[derive(Debug, Clone, Serialize)]
pub struct Details {
    /// A URI naming the kind of problem: `urn:presskit:problem:<kind>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// The kind's title.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong, as the CLI says it (`file:line:column: message`).
    pub detail: String,
    /// The kind, as `presskit check --format json` names it
    /// (`invalid-value`, `image`, `busy` …).
    pub kind: String,
    /// The file the problem is in, if any (the release's name, or a file
    /// of the brand).
    pub file: Option<String>,
    /// The line, 1-based, if known.
    pub line: Option<usize>,
    /// The column, 1-based, if known.
    pub column: Option<usize>,
    /// What is wrong, without the place.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Seconds to wait before trying again (503 only).
    #[serde(skip)]
    pub retry_after: Option<u64>,
}

impl Problem {
    /// A problem of the service's own (not of the release).
    pub fn new(status: StatusCode, kind: &str, message: impl Into<String>, hint: impl Into<String>) -> Self {
        let message = message.into();
        Self(Box::new(Details {
            type_uri: format!("urn:presskit:problem:{kind}"),
            title: status.canonical_reason().unwrap_or("Error").to_string(),
            status: status.as_u16(),
            detail: message.clone(),
            kind: kind.to_string(),
            file: None,
            line: None,
            column: None,
            message,
            hint: Some(hint.into()).filter(|h: &String| !h.is_empty()),
            retry_after: None,
        }))
    }

    /// A release that cannot be rendered: 422, with the error's place.
    /// Every error of presskit's is about the input (the release, or the
    /// brand it is rendered under), never a fault of the service.
    pub fn from_error(err: &presskit::Error) -> Self {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        Self(Box::new(Details {
            type_uri: format!("urn:presskit:problem:{}", err.kind().code()),
            title: "The release cannot be rendered".into(),
            status: status.as_u16(),
            detail: err.to_string(),
            kind: err.kind().code().to_string(),
            file: err.file().map(|f| f.display().to_string()),
            line: err.location().map(|l| l.line),
            column: err.location().map(|l| l.column),
            message: err.message().to_string(),
            hint: err.hint().map(str::to_string),
            retry_after: None,
        }))
    }

    /// The problem with a `Retry-After` of `seconds`.
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.0.retry_after = Some(seconds);
        self
    }

    /// The kind, for the failure counters.
    pub fn kind(&self) -> &str {
        &self.0.kind
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.0.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&*self.0).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/problem+json"));
        if let Some(seconds) = self.0.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}
