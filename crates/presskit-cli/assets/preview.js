// presskit preview: shows every page of the release and replaces them in
// place when it renders again (sent as Server-Sent Events), so the scroll
// position and the zoom stay. User text is only ever set as text.
"use strict";
const pages = document.getElementById("pages");
const zoom = document.getElementById("zoom");
let shown = 0;

function setZoom(value) {
  zoom.value = value;
  document.getElementById("zoom-value").textContent = value + "%";
  for (const img of pages.children) img.style.width = img.dataset.width * value / 100 + "px";
  localStorage.setItem("presskit-zoom", value);
}
zoom.addEventListener("input", () => setZoom(zoom.value));

function place(item) {
  return item.file + (item.line ? ":" + item.line + ":" + item.column : "");
}

function apply(state) {
  if (state.version <= shown) return;
  shown = state.version;
  document.getElementById("headline").textContent = state.headline || "";
  document.title = (state.headline || "presskit") + " · preview";
  const error = document.getElementById("error");
  if (state.error) {
    error.hidden = false;
    document.getElementById("error-text").textContent = place(state.error) + ": " + state.error.message;
    document.getElementById("error-hint").textContent = state.error.hint || "";
    document.getElementById("status").textContent = "Error at " + new Date().toLocaleTimeString();
  } else {
    error.hidden = true;
    document.getElementById("status").textContent =
      state.pages.length + (state.pages.length === 1 ? " page" : " pages") + ", rendered in " + state.took_ms + " ms";
    let waiting = state.pages.length;
    const loaded = () => {
      waiting -= 1;
      if (waiting === 0 && window.presskitShown && window.presskitShown.version === state.version) {
        window.presskitShown.loaded = Date.now();
      }
    };
    state.pages.forEach((page, i) => {
      let img = pages.children[i];
      if (!img) {
        img = document.createElement("img");
        pages.appendChild(img);
      }
      img.alt = "Page " + (i + 1);
      img.dataset.width = page.width;
      img.style.width = page.width * zoom.value / 100 + "px";
      img.style.aspectRatio = page.width + " / " + page.height;
      // A page the edit left as it was is not fetched again.
      if (img.dataset.id === page.id) {
        loaded();
        return;
      }
      img.dataset.id = page.id;
      // Swap when the new picture is ready: no blank page in between.
      const next = new Image();
      next.onload = () => { img.src = next.src; loaded(); };
      next.src = "/page/" + page.id + ".svg";
    });
    while (pages.children.length > state.pages.length) pages.lastChild.remove();
  }
  const list = document.getElementById("warnings");
  list.replaceChildren();
  for (const w of state.warnings) {
    const li = document.createElement("li");
    const where = document.createElement("span");
    where.className = "place";
    where.textContent = place(w);
    li.append(where, w.message);
    list.appendChild(li);
  }
  document.getElementById("warnings-box").hidden = state.warnings.length === 0;
  // For tests and latency measurement.
  window.presskitShown = { version: state.version, at: Date.now(), error: !!state.error };
}

setZoom(localStorage.getItem("presskit-zoom") || 100);
fetch("/state").then(r => r.json()).then(apply);
const events = new EventSource("/events");
events.addEventListener("update", e => apply(JSON.parse(e.data)));
