/* mapper's map code, inlined into every map.
 *
 * - One layout per map: every control sits in a cell of one CSS grid laid over the map
 *   (title, tools, side panel, time window, minimap, scale, attribution), so no two can
 *   overlap; narrow maps (phones) fold the side panel into a row of tab buttons.
 * - One canvas draws every incident: positions come from a compact columnar data block;
 *   overlapping points are grouped per zoom (numbered circles) and spread out on click;
 *   clicks and hovers are hit-tested on a grid of what was drawn. Popups, search, the
 *   incident list and downloads read the full incident data only when first needed.
 * - Nothing from the data is put into the page as HTML: DOM nodes and text only.
 * - Page data is read from JSON elements looked up inside the map's own root (its page or
 *   fragment), so one fragment can appear on a page any number of times.
 * window.MapperMap.instances lists each map's state, for tests and the curious. */
(function (L) {
  'use strict';
  if (window.MapperMap && window.MapperMap.version === 2) { return; }

  var M = window.MapperMap = { instances: [], version: 2 };
  var POPUP_MAX = 10, LIST_PAGE = 100, SEARCH_MAX = 30, CELL = 30, SPIDER_MAX = 80;
  var NARROW = 640;

  // -- small helpers --------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function safeUrl(url) {
    return typeof url === 'string' && /^https?:\/\/[^\s]/i.test(url) ? url : null;
  }
  function find(root, id) {
    var nodes = root.querySelectorAll('[id]');
    if (root.id === id) { return root; }
    for (var i = 0; i < nodes.length; i++) { if (nodes[i].id === id) { return nodes[i]; } }
    return null;
  }
  function fold(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  // 12345 -> "12,345" (Intl's formatter costs more to set up than a whole small map)
  function thousands(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }
  function plural(n, word) { return thousands(n) + ' ' + word + (n === 1 ? '' : 's'); }

  M.readData = function (map, id) {
    return JSON.parse(find(M.state(map).root, id).textContent);
  };
  M.state = function (map) {
    if (!map._mapper) {
      map._mapper = {
        map: map, root: map.getContainer().parentNode, layers: {}, inc: null, borders: [],
        heat: null, choropleth: null, panel: null, time: null, spider: null, ready: false
      };
      M.instances.push(map._mapper);
    }
    return map._mapper;
  };

  // -- the map and its layout ------------------------------------------------------------
  var SLOTS = ['topcenter', 'topleft', 'topright', 'bottomleft', 'bottomcenter', 'bottomright'];
  var initControlPos = L.Map.prototype._initControlPos;
  L.Map.include({
    _initControlPos: function () {
      if (!this.options.mapperLayout) { return initControlPos.call(this); }
      var corners = this._controlCorners = {};
      var ui = this._controlContainer = L.DomUtil.create('div', 'leaflet-control-container mapper-ui', this._container);
      SLOTS.forEach(function (pos) {
        corners[pos] = L.DomUtil.create('div', 'mapper-slot mapper-slot-' + pos, ui);
      });
    }
  });

  /* The map in the element `id` inside `root` (the page, or a pasted fragment). */
  M.createMap = function (root, id, options) {
    var node = find(root, id);
    var map = L.map(node, L.extend({ mapperLayout: true }, options));
    var state = M.state(map);
    state.root = root;
    function layout() {
      var size = map.getSize(), narrow = size.x < NARROW;
      node.classList.toggle('mapper-narrow', narrow);
      node.classList.toggle('mapper-short', size.y < 420);
      node.style.setProperty('--mapper-sheet', Math.round(size.y * 0.34) + 'px');
    }
    layout();
    map.on('resize', layout);
    if (window.ResizeObserver) {
      new ResizeObserver(function () { map.invalidateSize({ pan: false }); layout(); }).observe(node);
    }
    return map;
  };

  /* Mount an element of the page as a control in a slot of the layout. */
  M.panel = function (map, opts) {
    var node = find(M.state(map).root, opts.element);
    var Panel = L.Control.extend({
      onAdd: function () {
        node.hidden = false;
        L.DomEvent.disableClickPropagation(node);
        L.DomEvent.disableScrollPropagation(node);
        return node;
      }
    });
    new Panel({ position: opts.position }).addTo(map);
    return node;
  };

  // -- layers the panel switches -----------------------------------------------------------
  M.addLayer = function (map, key, layer, on) {
    var state = M.state(map);
    state.layers[key] = { layer: layer, on: !!on };
    if (on) { layer.addTo(map); }
    return layer;
  };
  function setLayer(state, key, on) {
    var entry = state.layers[key];
    if (entry) {
      entry.on = on;
      if (on) { entry.layer.addTo(state.map); } else { state.map.removeLayer(entry.layer); }
      bordersToBack(state);
      return;
    }
    if (state.inc && key.indexOf('type:') === 0) {
      state.inc.typeOn[Number(key.slice(5))] = on ? 1 : 0;
      refilter(state);
    }
  }

  // -- incidents: columnar data, one canvas -------------------------------------------------
  function radius(sizes, fatalities) {
    return Math.min(sizes.base + sizes.scale * Math.sqrt(fatalities || 0), sizes.max);
  }

  M.incidents = function (map, opts) {
    var state = M.state(map), data = M.readData(map, opts.points), n = data.lat.length;
    var inc = state.inc = {
      n: n, lat: data.lat, lon: data.lon, t: data.t, f: data.f, p: data.p, d: data.d,
      g: data.g || null, dates: data.dates, types: opts.types, sizes: opts.sizes,
      cluster: opts.cluster, detailsId: opts.details, details: null,
      X: new Float64Array(n), Y: new Float64Array(n), R: new Float32Array(n),
      active: new Uint8Array(n), typeOn: new Uint8Array(opts.types.length),
      shown: 0, byType: new Int32Array(opts.types.length), cache: {}, lo: 0,
      hi: data.dates.length - 1, full: true, drawn: 0
    };
    for (var k = 0; k < opts.types.length; k++) { inc.typeOn[k] = 1; }
    for (var i = 0; i < n; i++) {
      var s = Math.sin(inc.lat[i] * Math.PI / 180);
      s = Math.max(Math.min(s, 0.9999), -0.9999);
      inc.X[i] = (inc.lon[i] + 180) / 360;
      inc.Y[i] = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
      inc.R[i] = radius(opts.sizes, inc.f[i]);
    }
    state.points = new PointLayer(state).addTo(map);
    refilter(state, true);
    return state.points;
  };

  // Which incidents pass the layer switches and the time window.
  function refilter(state, quiet) {
    var inc = state.inc, shown = 0, byType = inc.byType;
    byType.fill(0);
    for (var i = 0; i < inc.n; i++) {
      var d = inc.d[i];
      var on = inc.typeOn[inc.t[i]] === 1 && (d < 0 ? inc.full : d >= inc.lo && d <= inc.hi);
      inc.active[i] = on ? 1 : 0;
      if (on) { shown++; byType[inc.t[i]]++; }
    }
    inc.shown = shown;
    inc.cache = {};
    state.spider = null;
    if (state.heat) { state.heat.setLatLngs(activeLatLngs(state)); }
    if (state.choropleth) { state.choropleth.recount(); }
    if (!quiet) { state.map.closePopup(); }
    if (state.points && state.points._map) { state.points.redraw(); }
    updateCounts(state);
  }
  M.refilter = refilter;

  function activeLatLngs(state) {
    var inc = state.inc, out = [];
    for (var i = 0; i < inc.n; i++) { if (inc.active[i]) { out.push([inc.lat[i], inc.lon[i]]); } }
    return out;
  }

  // Groups of points that would overlap at `zoom` (grid cells of CELL pixels, neighbours
  // whose centres are closer than a cell merged); every group of one is a plain marker.
  function groups(inc, zoom) {
    if (inc.cache[zoom]) { return inc.cache[zoom]; }
    var scale = 256 * Math.pow(2, zoom), cells = new Map(), items = [], i, key, item;
    var stride = Math.ceil(scale / CELL) + 2;
    for (i = 0; i < inc.n; i++) {
      if (!inc.active[i]) { continue; }
      var x = inc.X[i] * scale, y = inc.Y[i] * scale;
      if (!inc.cluster) { items.push({ x: x, y: y, m: [i] }); continue; }
      key = Math.floor(x / CELL) + Math.floor(y / CELL) * stride;
      item = cells.get(key);
      if (!item) { item = { x: 0, y: 0, m: [], key: key }; cells.set(key, item); items.push(item); }
      item.x += x; item.y += y; item.m.push(i);
    }
    if (inc.cluster) {
      items.forEach(function (it) { it.x /= it.m.length; it.y /= it.m.length; });
      items.forEach(function (it) {
        if (!it.m) { return; }
        [1, stride - 1, stride, stride + 1].forEach(function (step) {
          var other = cells.get(it.key + step);
          if (!other || other === it || !other.m) { return; }
          var dx = other.x - it.x, dy = other.y - it.y;
          if (dx * dx + dy * dy < CELL * CELL) {
            var a = it.m.length, b = other.m.length;
            it.x = (it.x * a + other.x * b) / (a + b);
            it.y = (it.y * a + other.y * b) / (a + b);
            it.m = it.m.concat(other.m);
            other.m = null;
            cells.set(it.key + step, it);
          }
        });
      });
      items = items.filter(function (it) { return it.m; });
    }
    items.forEach(function (it) {
      if (it.m.length === 1) { it.x = inc.X[it.m[0]] * scale; it.y = inc.Y[it.m[0]] * scale; }
    });
    inc.cache[zoom] = items;
    return items;
  }

  function clusterRadius(count) { return Math.min(13 + 4 * Math.log10(count) * 2, 30); }
  function shortCount(n) {
    return n >= 10000 ? Math.round(n / 1000) + 'k' : n >= 1000 ? (n / 1000).toFixed(1) + 'k' : String(n);
  }

  /* A layer drawn on a canvas of its own, repainted after each move (panning shows what
   * was drawn around the view; zooming scales it until the new frame is drawn). */
  var CanvasLayer = L.Layer.extend({
    options: { pane: 'mapperPoints', zIndex: 450, padding: 0.25, className: '' },
    onAdd: function (map) {
      if (!map.getPane(this.options.pane)) { map.createPane(this.options.pane).style.zIndex = this.options.zIndex; }
      var canvas = this._canvas = L.DomUtil.create('canvas', 'mapper-canvas leaflet-zoom-animated ' + this.options.className);
      map.getPane(this.options.pane).appendChild(canvas);
      this._ctx = canvas.getContext('2d');
      map.on('moveend viewreset resize', this.redraw, this);
      map.on('zoomanim', this._animateZoom, this);
      this._listen(map, 'on');
      this.redraw();
    },
    onRemove: function (map) {
      L.DomUtil.remove(this._canvas);
      map.off('moveend viewreset resize', this.redraw, this);
      map.off('zoomanim', this._animateZoom, this);
      this._listen(map, 'off');
    },
    _listen: function () {},
    _animateZoom: function (e) {
      var map = this._map, scale = map.getZoomScale(e.zoom, this._zoom);
      var half = map.getSize().multiplyBy(0.5 + this.options.padding);
      var offset = half.multiplyBy(-scale).add(map.project(this._center, e.zoom))
        .subtract(map._getNewPixelOrigin(e.center, e.zoom));
      L.DomUtil.setTransform(this._canvas, offset, scale);
    },
    redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var pad = this.options.padding, size = map.getSize(), ratio = window.devicePixelRatio || 1;
      var full = size.multiplyBy(1 + 2 * pad).round();
      var topLeft = map.containerPointToLayerPoint(size.multiplyBy(-pad)).round();
      var canvas = this._canvas, ctx = this._ctx;
      this._center = map.getCenter(); this._zoom = map.getZoom();
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.style.width = full.x + 'px'; canvas.style.height = full.y + 'px';
      if (canvas.width !== Math.round(full.x * ratio) || canvas.height !== Math.round(full.y * ratio)) {
        canvas.width = Math.round(full.x * ratio); canvas.height = Math.round(full.y * ratio);
      } else {
        ctx.setTransform(1, 0, 0, 1, 0, 0);
        ctx.clearRect(0, 0, canvas.width, canvas.height);
      }
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      var origin = map.getPixelOrigin();
      this._paint(ctx, origin.x + topLeft.x, origin.y + topLeft.y, full, topLeft);
    }
  });

  var PointLayer = CanvasLayer.extend({
    options: { className: 'mapper-points' },
    initialize: function (state) { this._state = state; },
    _listen: function (map, how) {
      map[how]('click', this._click, this);
      map[how]('mousemove', this._hover, this);
      map[how]('zoomstart', this._unspider, this);
    },
    _unspider: function () { this._state.spider = null; },
    _paint: function (ctx, ox, oy, full, topLeft) {
      var map = this._map, state = this._state, inc = state.inc;
      var items = groups(inc, this._zoom), hits = this._hits = { grid: new Map(), items: [], ox: ox, oy: oy, w: full.x };
      var drawn = 0, spider = state.spider, groupsDrawn = 0;
      for (var k = 0; k < items.length; k++) {
        var it = items[k], x = it.x - ox, y = it.y - oy;
        if (x < -40 || y < -40 || x > full.x + 40 || y > full.y + 40) { continue; }
        if (spider && spider.item === it) { continue; }
        if (it.m.length === 1) {
          drawMarker(ctx, inc, it.m[0], x, y);
          hitAdd(hits, { x: x, y: y, r: inc.R[it.m[0]] + 2, i: it.m[0] });
        } else {
          drawCluster(ctx, x, y, it.m.length);
          hitAdd(hits, { x: x, y: y, r: clusterRadius(it.m.length) + 1, item: it });
          groupsDrawn++;
        }
        if (inView(map, x + topLeft.x, y + topLeft.y)) { drawn += it.m.length; }
      }
      if (spider) { drawn += this._drawSpider(ctx, spider, ox, oy, hits, map, topLeft); }
      inc.drawn = drawn;
      inc.groupsDrawn = groupsDrawn;
      if (!state.ready) { markReady(state); }
    },
    _drawSpider: function (ctx, spider, ox, oy, hits, map, topLeft) {
      var inc = this._state.inc, cx = spider.item.x - ox, cy = spider.item.y - oy, shown = 0;
      ctx.strokeStyle = 'rgba(60,60,60,0.7)'; ctx.lineWidth = 1.2; ctx.setLineDash([]);
      spider.legs.forEach(function (leg) {
        ctx.beginPath(); ctx.moveTo(cx, cy); ctx.lineTo(cx + leg.dx, cy + leg.dy); ctx.stroke();
      });
      ctx.fillStyle = '#333'; ctx.beginPath(); ctx.arc(cx, cy, 3, 0, 2 * Math.PI); ctx.fill();
      spider.legs.forEach(function (leg) {
        var x = cx + leg.dx, y = cy + leg.dy;
        drawMarker(ctx, inc, leg.i, x, y);
        hitAdd(hits, { x: x, y: y, r: inc.R[leg.i] + 2, i: leg.i, spider: true });
        if (inView(map, x + topLeft.x, y + topLeft.y)) { shown++; }
      });
      return shown;
    },
    hitTest: function (point) {
      var hits = this._hits;
      if (!hits) { return null; }
      var layerPoint = this._map.containerPointToLayerPoint(point);
      var origin = this._map.getPixelOrigin();
      var x = layerPoint.x + origin.x - hits.ox, y = layerPoint.y + origin.y - hits.oy;
      var list = hits.grid.get(hitKey(x, y, hits.w)) || [], best = null;
      for (var k = list.length - 1; k >= 0; k--) {
        var h = list[k], dx = h.x - x, dy = h.y - y;
        if (dx * dx + dy * dy <= h.r * h.r) { best = h; break; }
      }
      return best;
    },
    _hover: function (e) {
      var hit = this.hitTest(e.containerPoint), container = this._map.getContainer();
      container.classList.toggle('mapper-pointer', !!hit);
      var state = this._state;
      if (!hit) { if (state.tip) { state.map.closeTooltip(state.tip); state.tip = null; } return; }
      var text = hit.item ? plural(hit.item.m.length, 'incident') + ': click to open' : tipText(state, hit.i);
      var latlng = this._map.containerPointToLatLng(e.containerPoint);
      if (!state.tip) { state.tip = L.tooltip({ direction: 'top', offset: [0, -8], className: 'mapper-tip' }); }
      state.tip.setLatLng(latlng).setContent(document.createTextNode(text));
      if (!state.map.hasLayer(state.tip)) { state.tip.addTo(state.map); }
    },
    _click: function (e) {
      var hit = this.hitTest(e.containerPoint), state = this._state;
      if (!hit) {
        if (state.spider) { state.spider = null; this.redraw(); }
        return;
      }
      if (hit.item) { openGroup(state, hit.item); return; }
      M.openPopup(state, hit.i, hit.spider ? this._map.containerPointToLatLng(e.containerPoint) : null);
    }
  });

  function inView(map, lx, ly) {
    var p = map.layerPointToContainerPoint([lx, ly]), s = map.getSize();
    return p.x >= 0 && p.y >= 0 && p.x <= s.x && p.y <= s.y;
  }
  function hitKey(x, y, w) { return Math.floor(x / 32) + Math.floor(y / 32) * (Math.ceil(w / 32) + 4); }
  function hitAdd(hits, h) {
    hits.items.push(h);
    var x0 = Math.floor((h.x - h.r) / 32), x1 = Math.floor((h.x + h.r) / 32);
    var y0 = Math.floor((h.y - h.r) / 32), y1 = Math.floor((h.y + h.r) / 32);
    var stride = Math.ceil(hits.w / 32) + 4;
    for (var gx = x0; gx <= x1; gx++) {
      for (var gy = y0; gy <= y1; gy++) {
        var key = gx + gy * stride, list = hits.grid.get(key);
        if (!list) { list = []; hits.grid.set(key, list); }
        list.push(h);
      }
    }
  }

  function drawMarker(ctx, inc, i, x, y) {
    var style = inc.types[inc.t[i]], r = inc.R[i], approximate = inc.p[i] >= 2, shape = style.shape;
    ctx.beginPath();
    if (shape) {
      ctx.moveTo(x + shape[0][0] * r, y + shape[0][1] * r);
      for (var k = 1; k < shape.length; k++) { ctx.lineTo(x + shape[k][0] * r, y + shape[k][1] * r); }
      ctx.closePath();
    } else {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.globalAlpha = approximate ? 0.3 : 0.85;
    ctx.fillStyle = style.color;
    ctx.fill();
    ctx.globalAlpha = 1;
    if (approximate) {
      ctx.setLineDash([4, 3]); ctx.strokeStyle = style.color; ctx.lineWidth = 2;
    } else {
      ctx.setLineDash([]); ctx.strokeStyle = '#ffffff'; ctx.lineWidth = 1;
    }
    ctx.stroke();
  }

  function drawCluster(ctx, x, y, count) {
    var r = clusterRadius(count);
    ctx.setLineDash([]);
    ctx.beginPath(); ctx.arc(x, y, r, 0, 2 * Math.PI);
    ctx.fillStyle = 'rgba(52, 58, 64, 0.85)'; ctx.fill();
    ctx.lineWidth = 3; ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)'; ctx.stroke();
    ctx.fillStyle = '#ffffff'; ctx.font = 'bold 12px system-ui, Arial, sans-serif';
    ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    ctx.fillText(shortCount(count), x, y + 0.5);
  }

  // A numbered circle: zoom in to spread it, or fan it out when zooming cannot.
  function openGroup(state, item) {
    var map = state.map, inc = state.inc, south = 90, north = -90, west = 180, east = -180;
    item.m.forEach(function (i) {
      south = Math.min(south, inc.lat[i]); north = Math.max(north, inc.lat[i]);
      west = Math.min(west, inc.lon[i]); east = Math.max(east, inc.lon[i]);
    });
    var span = Math.max((north - south), (east - west));
    var zoom = map.getZoom(), max = map.getMaxZoom();
    if (zoom < max && span > 360 / (256 * Math.pow(2, max)) * 4) {
      var target = Math.min(Math.max(map.getBoundsZoom([[south, west], [north, east]], false, [40, 40]), zoom + 1), max);
      map.setView([(south + north) / 2, (west + east) / 2], target, { animate: false });
      return;
    }
    spiderfy(state, item);
  }

  function spiderfy(state, item) {
    var inc = state.inc, members = item.m.slice(0, SPIDER_MAX), n = members.length, legs = [];
    members.sort(function (a, b) { return inc.d[a] - inc.d[b]; });
    members.forEach(function (i, k) {
      var angle, dist;
      if (n <= 10) { angle = 2 * Math.PI * k / n - Math.PI / 2; dist = Math.max(32, n * 7); }
      else { angle = 0.6 * k + 0.5; dist = 22 + 5.5 * k * 0.9 + 10 * Math.sqrt(k); }
      legs.push({ i: i, dx: Math.cos(angle) * dist, dy: Math.sin(angle) * dist });
    });
    state.spider = { item: item, legs: legs };
    state.points.redraw();
  }
  M.spiderfy = spiderfy;

  // -- incident details: parsed on first need -----------------------------------------------
  // They follow the map's script in the page, so the map is drawn before the browser has
  // read them; until then what needs them waits for the page to be read (later()).
  function details(state) {
    var inc = state.inc;
    if (!inc.details) { inc.details = M.readData(state.map, inc.detailsId); }
    return inc.details;
  }
  // One incident's data: its own line of the block, until the whole block is parsed.
  function detail(state, i) {
    var inc = state.inc;
    if (inc.details) { return inc.details[i]; }
    if (!inc.lines) {
      var text = find(state.root, inc.detailsId).textContent, starts = new Int32Array(inc.n);
      var pos = text.indexOf('\n') + 1;
      for (var k = 0; k < inc.n; k++) { starts[k] = pos; pos = text.indexOf('\n', pos) + 1; }
      inc.lines = { text: text, starts: starts };
    }
    var line = inc.lines.text.slice(inc.lines.starts[i], inc.lines.text.indexOf('\n', inc.lines.starts[i]));
    return JSON.parse(line.charAt(line.length - 1) === ',' ? line.slice(0, -1) : line);
  }
  function detailsReady(state) { return !!state.inc.details || document.readyState !== 'loading'; }
  function later(state, fn) {
    return function () {
      var self = this, args = arguments;
      if (detailsReady(state)) { return fn.apply(self, args); }
      document.addEventListener('DOMContentLoaded', function () { fn.apply(self, args); });
      return null;
    };
  }
  M.details = details;

  function tipText(state, i) {
    var inc = state.inc, parts = [inc.types[inc.t[i]].name];
    if (inc.d[i] >= 0) { parts.push(inc.dates[inc.d[i]]); }
    if (detailsReady(state)) {
      var p = detail(state, i), place = p.place || p.loc;
      if (place) { parts.push(place); }
    }
    return parts.join(' \u00b7 ');
  }

  function samePlace(state, i) {
    var inc = state.inc, lat = inc.lat[i], lon = inc.lon[i], out = [];
    for (var k = 0; k < inc.n; k++) {
      if (k !== i && inc.active[k] && inc.lat[k] === lat && inc.lon[k] === lon) { out.push(k); }
    }
    return out;
  }

  M.openPopup = function (state, i, at) {
    if (!detailsReady(state)) {
      return later(state, M.openPopup)(state, i, at);
    }
    var inc = state.inc;
    var others = samePlace(state, i).sort(function (a, b) { return inc.d[a] - inc.d[b]; });
    var list = [i].concat(others), box = el('div', 'mapper-popup');
    if (list.length > 1) { box.appendChild(el('div', 'mapper-popup-count', list.length + ' incidents at this place')); }
    list.slice(0, POPUP_MAX).forEach(function (k) { box.appendChild(M.incidentCard(state, detail(state, k))); });
    if (list.length > POPUP_MAX) {
      box.appendChild(el('div', 'mapper-popup-count', 'and ' + (list.length - POPUP_MAX) + ' more'));
    }
    var size = state.map.getSize(), free = freeArea(state.map);
    L.popup({
      maxWidth: Math.min(380, size.x - free[0][0] - 70), minWidth: Math.min(220, size.x - free[0][0] - 70),
      maxHeight: Math.max(160, Math.min(340, size.y - free[0][1] - free[1][1] - 60)),
      autoPanPaddingTopLeft: free[0], autoPanPaddingBottomRight: [20, free[1][1]]
    })
      .setLatLng(at || [inc.lat[i], inc.lon[i]]).setContent(box).openOn(state.map);
    return box;
  };

  function swatch(style) {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '14'); svg.setAttribute('height', '14');
    svg.setAttribute('viewBox', '-7 -7 14 14');
    svg.setAttribute('class', 'mapper-swatch');
    svg.setAttribute('aria-hidden', 'true');
    var shape = style.shape, node;
    if (shape) {
      node = document.createElementNS(ns, 'polygon');
      node.setAttribute('points', shape.map(function (v) { return (v[0] * 4.8).toFixed(2) + ',' + (v[1] * 4.8).toFixed(2); }).join(' '));
    } else {
      node = document.createElementNS(ns, 'circle');
      node.setAttribute('r', '5.5');
    }
    node.setAttribute('fill', style.color);
    svg.appendChild(node);
    return svg;
  }

  function casualties(fat, inj) {
    var parts = [];
    if (fat !== undefined && fat !== null) { parts.push(fat + ' killed'); }
    if (inj !== undefined && inj !== null) { parts.push(inj + ' injured'); }
    return parts.join(', ');
  }

  function link(doc, url) {
    var safe = safeUrl(url), box = el('span'), node;
    if (doc || !safe) { box.appendChild(document.createTextNode((doc || 'unknown') + (safe ? ' ' : ''))); }
    if (safe) {
      node = el('a', null, safe.length > 60 ? safe.slice(0, 57) + '...' : safe);
      node.href = safe;
      node.target = '_blank';
      node.rel = 'noopener noreferrer';
      box.appendChild(node);
    }
    return box;
  }

  function fact(list, label, value) {
    if (value === undefined || value === null || value === '') { return; }
    list.appendChild(el('dt', null, label));
    var dd = el('dd');
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = String(value); }
    list.appendChild(dd);
  }

  var PRECISION = { 2: 'approximate: a district stands in', 3: 'approximate: a region or country stands in' };

  function styleOf(state, name) {
    var types = state.inc ? state.inc.types : [];
    for (var k = 0; k < types.length; k++) { if (types[k].name === name) { return types[k]; } }
    return { color: '#666', shape: null };
  }

  M.incidentCard = function (state, p) {
    var card = el('div', 'mapper-incident');
    var head = el('div', 'mapper-incident-type');
    head.appendChild(swatch(styleOf(state, p.type)));
    head.appendChild(document.createTextNode(' ' + p.type));
    card.appendChild(head);
    if (p.sub) { card.appendChild(el('div', 'mapper-incident-sub', p.sub)); }
    var facts = el('dl', 'mapper-facts');
    fact(facts, 'Date', p.date || 'unknown');
    var place = p.place || p.loc || '';
    if (p.place && p.loc && fold(p.loc) !== fold(p.place)) { place += ' (written: ' + p.loc + ')'; }
    if (PRECISION[p.prec]) { place += (place ? ' \u2014 ' : '') + PRECISION[p.prec]; }
    fact(facts, 'Place', place);
    fact(facts, 'Casualties', casualties(p.fat, p.inj) || 'not reported');
    if (p.claims && p.claims.length) {
      var claims = el('ul', 'mapper-claims');
      p.claims.forEach(function (c) {
        claims.appendChild(el('li', null, (c[0] || 'unattributed') + ': ' + (casualties(c[1], c[2]) || 'no figures')));
      });
      fact(facts, 'By claimant', claims);
    }
    if (p.actors && p.actors.length) { fact(facts, 'Actors', p.actors.join('; ')); }
    card.appendChild(facts);
    if (p.quote) { card.appendChild(el('blockquote', 'mapper-quote', p.quote)); }
    var sources = el('div', 'mapper-sources');
    sources.appendChild(document.createTextNode('Source: '));
    sources.appendChild(link(p.src && p.src[0], p.src && p.src[1]));
    card.appendChild(sources);
    (p.also || []).forEach(function (a) {
      var also = el('div', 'mapper-sources');
      also.appendChild(document.createTextNode('Also reported by: '));
      also.appendChild(link(a[0], a[1]));
      card.appendChild(also);
      if (a[2]) { card.appendChild(el('blockquote', 'mapper-quote', a[2])); }
    });
    (p.notes || []).forEach(function (n) { card.appendChild(el('div', 'mapper-note', n)); });
    if (p.id) { card.appendChild(el('div', 'mapper-id', p.id)); }
    return card;
  };

  // -- borders and regions ---------------------------------------------------------------
  function tooltipFor(opts, state) {
    return function (layer) {
      var p = layer.feature.properties, text = p.label;
      if (opts.count && state.choropleth) {
        var n = state.choropleth.counts[p.i] || 0;
        text += ': ' + plural(n, 'incident');
      }
      return document.createTextNode(text);
    };
  }

  /* Countries drawn per zoom: a coarse world below `zoom`, detail around the incidents
   * from there on; fills without outlines, outlines as lines, so no cut edge is drawn. */
  M.countries = function (map, opts) {
    var state = M.state(map), data = M.readData(map, opts.data);
    function named(f, l) {
      if (f.properties.label) {
        l.bindTooltip(document.createTextNode(f.properties.label), { sticky: true, direction: 'top' });
      }
    }
    function part(d) {
      var group = L.featureGroup();
      L.geoJSON(d.whole, { style: L.extend({}, opts.fill, opts.line), onEachFeature: named }).addTo(group);
      // a hairline of the fill's own colour hides the seam where a cut fill meets its neighbour
      var seam = { stroke: true, color: opts.fill.fillColor, opacity: opts.fill.fillOpacity, weight: 1 };
      L.geoJSON(d.fill, { style: L.extend({}, opts.fill, seam), onEachFeature: named }).addTo(group);
      L.geoJSON(d.line, { style: opts.line, interactive: false }).addTo(group);
      return group;
    }
    var outside = part(data.outside), coarse = part(data.coarse), detail = part(data.detail);
    var group = L.featureGroup([outside]);
    function pick() {
      var fine = map.getZoom() >= data.zoom;
      if (fine) { group.removeLayer(coarse); group.addLayer(detail); } else { group.removeLayer(detail); group.addLayer(coarse); }
      bordersToBack(state);
    }
    group.on('add', function () { pick(); map.on('zoomend', pick); });
    group.on('remove', function () { map.off('zoomend', pick); });
    state.borders.push({ layer: group, order: opts.order });
    return group;
  };

  M.borderLayer = function (map, opts) {
    var state = M.state(map), data = M.readData(map, opts.data);
    var layer = L.geoJSON(data, {
      style: function () { return opts.style; },
      interactive: opts.style.interactive !== false
    });
    if (opts.style.interactive !== false) { layer.bindTooltip(tooltipFor(opts, state), { sticky: true, direction: 'top' }); }
    state.borders.push({ layer: layer, order: opts.order });
    return layer;
  };

  /* Regions filled by how many of the shown incidents they hold (follows the filters). */
  M.choropleth = function (map, opts) {
    var state = M.state(map), data = M.readData(map, opts.data);
    var layer = L.geoJSON(data, { style: L.extend({}, opts.style), interactive: true });
    layer.bindTooltip(tooltipFor({ count: true }, state), { sticky: true, direction: 'top' });
    var chart = state.choropleth = { layer: layer, counts: [], breaks: opts.breaks, colors: opts.colors };
    chart.recount = function () {
      var inc = state.inc, counts = chart.counts = [];
      if (inc && inc.g) {
        for (var i = 0; i < inc.n; i++) {
          var g = inc.g[i];
          if (inc.active[i] && g >= 0) { counts[g] = (counts[g] || 0) + 1; }
        }
      }
      var classes = new Array(opts.colors.length).fill(0);
      layer.eachLayer(function (l) {
        var n = counts[l.feature.properties.i] || 0, color = 'transparent', cls = -1;
        opts.breaks.forEach(function (b, k) { if (n >= b) { color = opts.colors[k]; cls = k; } });
        if (cls >= 0) { classes[cls]++; }
        l.setStyle({ fillColor: color });
      });
      var nodes = state.root.querySelectorAll('[data-class-count]');
      for (var k = 0; k < nodes.length; k++) {
        var c = classes[Number(nodes[k].getAttribute('data-class-count'))] || 0;
        nodes[k].textContent = plural(c, 'region');
      }
    };
    state.borders.push({ layer: layer, order: opts.order });
    return layer;
  };

  // One canvas draws every vector layer, in the order added: keep borders beneath.
  function bordersToBack(state) {
    state.borders.slice().sort(function (a, b) { return b.order - a.order; }).forEach(function (b) {
      if (state.map.hasLayer(b.layer)) { b.layer.bringToBack(); }
    });
  }

  /* Towns: a dot and a name each, larger towns from lower zooms, names that would
   * overlap one already drawn left out; on a canvas beneath the incidents. */
  var TownLayer = CanvasLayer.extend({
    options: { pane: 'mapperTowns', zIndex: 420, className: 'mapper-towns' },
    initialize: function (towns) {
      this._towns = towns.map(function (t) {
        var s = Math.max(Math.min(Math.sin(t[1] * Math.PI / 180), 0.9999), -0.9999);
        return { name: t[0], x: (t[2] + 180) / 360, y: 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI), zoom: t[3] };
      });
    },
    _paint: function (ctx, ox, oy, full) {
      var zoom = this._zoom, scale = 256 * Math.pow(2, zoom), placed = [];
      ctx.font = '11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
      ctx.textBaseline = 'middle';
      ctx.lineJoin = 'round';
      this._towns.forEach(function (t) {
        if (zoom < t.zoom) { return; }
        var x = t.x * scale - ox, y = t.y * scale - oy;
        if (x < -100 || y < -20 || x > full.x + 20 || y > full.y + 20) { return; }
        var w = ctx.measureText(t.name).width, box = [x - 4, y - 8, x + w + 8, y + 8];
        for (var k = 0; k < placed.length; k++) {
          var b = placed[k];
          if (box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]) { return; }
        }
        placed.push(box);
        ctx.beginPath(); ctx.arc(x, y, 2.5, 0, 2 * Math.PI);
        ctx.fillStyle = '#ffffff'; ctx.fill();
        ctx.lineWidth = 1; ctx.strokeStyle = '#555555'; ctx.stroke();
        ctx.lineWidth = 3; ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
        ctx.strokeText(t.name, x + 5, y);
        ctx.fillStyle = '#333333'; ctx.fillText(t.name, x + 5, y);
      });
      this.labelled = placed.length;
    }
  });

  M.towns = function (map, opts) {
    return new TownLayer(M.readData(map, opts.data));
  };

  /* Tiles from the page itself (data: URIs by "z/x/y"); a missing tile stays blank. */
  var BLANK = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
  var InlineTiles = L.TileLayer.extend({
    initialize: function (tiles, options) {
      this._inline = tiles;
      L.TileLayer.prototype.initialize.call(this, '', options);
    },
    getTileUrl: function (coords) {
      return this._inline[this._getZoomForUrl() + '/' + coords.x + '/' + coords.y] || BLANK;
    }
  });
  /* Tiles from a folder on disk, asked for only where the folder holds some. */
  var FolderTiles = L.TileLayer.extend({
    _isValidTile: function (coords) {
      var r = this.options.ranges[String(coords.z)];
      if (!r || coords.x < r[0] || coords.x > r[1] || coords.y < r[2] || coords.y > r[3]) { return false; }
      return L.TileLayer.prototype._isValidTile.call(this, coords);
    }
  });
  M.folderTiles = function (map, opts) {
    return new FolderTiles(opts.url, L.extend({ ranges: opts.ranges }, opts.options)).addTo(map);
  };

  M.inlineTiles = function (map, opts) {
    return new InlineTiles(M.readData(map, opts.data), opts.options).addTo(map);
  };

  M.heat = function (map, opts) {
    var state = M.state(map);
    state.heat = L.heatLayer(state.inc ? activeLatLngs(state) : [], opts.options);
    return state.heat;
  };

  M.minimap = function (map, opts) {
    var layer = L.geoJSON(M.readData(map, opts.data), { style: opts.style, interactive: false });
    return new L.Control.MiniMap(layer, opts.options).addTo(map);
  };

  // -- the side panel: layers, legend, search, list ---------------------------------------
  M.sidePanel = function (map, opts) {
    var state = M.state(map), node = M.panel(map, { element: opts.element, position: 'topright' });
    var panel = state.panel = { node: node, listShown: LIST_PAGE };
    var tabs = node.querySelectorAll('[data-tab]');
    function open(name) {
      for (var k = 0; k < tabs.length; k++) {
        var on = tabs[k].getAttribute('data-tab') === name;
        tabs[k].setAttribute('aria-selected', on ? 'true' : 'false');
        var section = node.querySelector('[data-section="' + tabs[k].getAttribute('data-tab') + '"]');
        section.hidden = !on;
      }
      node.classList.toggle('mapper-collapsed', !name);
      panel.open = name;
      if (name === 'list') { fillList(state); }
      if (name === 'search') { node.querySelector('input[type=search]').focus(); }
    }
    panel.openTab = open;
    Array.prototype.forEach.call(tabs, function (tab) {
      tab.addEventListener('click', function () {
        var name = tab.getAttribute('data-tab');
        open(panel.open === name ? null : name);
      });
    });
    var narrow = map.getContainer().classList.contains('mapper-narrow');
    open(narrow ? null : opts.open);
    // layer switches
    Array.prototype.forEach.call(node.querySelectorAll('input[data-layer]'), function (box) {
      box.addEventListener('change', function () { setLayer(state, box.getAttribute('data-layer'), box.checked); });
    });
    // search
    var input = node.querySelector('input[type=search]'), results = node.querySelector('.mapper-results');
    input.addEventListener('input', function () { search(state, input.value, results); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { var first = results.querySelector('button'); if (first) { first.click(); } }
    });
    // list and downloads
    node.querySelector('.mapper-more').addEventListener('click', function () {
      panel.listShown += LIST_PAGE; fillList(state);
    });
    Array.prototype.forEach.call(node.querySelectorAll('[data-download]'), function (button) {
      button.addEventListener('click', function () { M.download(state, button.getAttribute('data-download')); });
    });
    updateCounts(state);
    return node;
  };

  function updateCounts(state) {
    var inc = state.inc, root = state.panel ? state.panel.node : null;
    if (!inc || !root) { return; }
    var nodes = root.querySelectorAll('[data-count]');
    for (var k = 0; k < nodes.length; k++) {
      var t = Number(nodes[k].getAttribute('data-count'));
      nodes[k].textContent = thousands(inc.byType[t]);
    }
    var shown = state.root.querySelectorAll('.mapper-shown');
    var text = inc.shown === inc.n ? plural(inc.n, 'incident') + ' shown' : thousands(inc.shown) + ' of ' + plural(inc.n, 'incident') + ' shown';
    for (k = 0; k < shown.length; k++) {
      if (state.map.getContainer().contains(shown[k]) || state.panel.node.contains(shown[k])) { shown[k].textContent = text; }
    }
    if (state.panel.open === 'list') { fillList(state); }
  }

  function shownIndices(state) {
    var inc = state.inc, out = [];
    for (var i = 0; i < inc.n; i++) { if (inc.active[i]) { out.push(i); } }
    var last = inc.dates.length;  // undated incidents at the end
    out.sort(function (a, b) { return (inc.d[a] < 0 ? last : inc.d[a]) - (inc.d[b] < 0 ? last : inc.d[b]) || a - b; });
    return out;
  }

  /* Fly to an incident and open its popup (from the list or search). */
  M.showIncident = function (state, i) {
    if (!detailsReady(state)) { return later(state, M.showIncident)(state, i); }
    var map = state.map, inc = state.inc, zoom = Math.max(map.getZoom(), 10);
    map.setView([inc.lat[i], inc.lon[i]], zoom, { animate: false });
    var item = groups(inc, map.getZoom()).filter(function (it) { return it.m.indexOf(i) >= 0; })[0];
    if (item && item.m.length > 1 && samePlace(state, i).length + 1 < item.m.length) { spiderfy(state, item); }
    var box = M.openPopup(state, i);
    var close = box.closest('.leaflet-popup') && box.closest('.leaflet-popup').querySelector('.leaflet-popup-close-button');
    if (close) { close.focus(); }
  };

  function fillList(state) {
    if (!detailsReady(state)) { return later(state, fillList)(state); }
    var panel = state.panel, list = panel.node.querySelector('.mapper-incident-list');
    var inc = state.inc, order = shownIndices(state);
    list.textContent = '';
    order.slice(0, panel.listShown).forEach(function (i) {
      var p = detail(state, i), item = el('li'), button = el('button', 'mapper-list-item');
      button.type = 'button';
      button.appendChild(swatch(inc.types[inc.t[i]]));
      button.appendChild(el('span', 'mapper-list-date', p.date || 'no date'));
      button.appendChild(el('span', 'mapper-list-text', (p.place || p.loc || '') + ' \u2014 ' + (p.sub || p.type)));
      button.addEventListener('click', function () { M.showIncident(state, i); });
      item.appendChild(button);
      list.appendChild(item);
    });
    var more = panel.node.querySelector('.mapper-more');
    more.hidden = order.length <= panel.listShown;
    more.textContent = 'Show ' + Math.min(LIST_PAGE, order.length - panel.listShown) + ' more';
  }

  // -- search: places (regions, countries, towns, incident places) and incidents ---------
  function searchIndex(state) {
    if (state.searchIndex) { return state.searchIndex; }
    var inc = state.inc, props = details(state), places = new Map(), incidents = [];
    function place(name, kind, bounds, written) {
      var key = fold(name);
      if (!key || places.has(key)) { return; }
      places.set(key, { name: name, kind: kind, bounds: bounds, key: key + (written ? ' ' + fold(written) : '') });
    }
    state.borders.forEach(function (b) {
      b.layer.eachLayer(function eachOne(l) {
        if (l.eachLayer) { l.eachLayer(eachOne); return; }
        var p = l.feature && l.feature.properties;
        if (p && p.label && l.getBounds) { place(p.label, p.kind || 'region', l.getBounds()); }
      });
    });
    for (var i = 0; i < inc.n; i++) {
      var p = props[i], name = p.place || p.loc;
      if (name) { place(name, 'incident place', L.latLngBounds([[inc.lat[i], inc.lon[i]], [inc.lat[i], inc.lon[i]]]), p.loc); }
      incidents.push(fold([p.id, p.place, p.loc, p.type, p.sub, p.date, (p.actors || []).join(' '), p.quote].join(' ')));
    }
    state.searchIndex = { places: Array.from(places.values()), incidents: incidents };
    return state.searchIndex;
  }

  function search(state, query, results) {
    if (!detailsReady(state)) { return later(state, search)(state, query, results); }
    var words = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = '';
    if (!words.length) { return []; }
    var index = searchIndex(state), inc = state.inc, props = details(state), found = [];
    function matches(text) { return words.every(function (w) { return text.indexOf(w) >= 0; }); }
    index.places.forEach(function (p) { if (found.length < SEARCH_MAX && matches(p.key)) { found.push({ place: p }); } });
    var places = found.length;
    for (var i = 0; i < inc.n && found.length < SEARCH_MAX; i++) {
      if (inc.active[i] && matches(index.incidents[i])) { found.push({ i: i }); }
    }
    if (!found.length) { results.appendChild(el('li', 'mapper-none', 'Nothing found')); }
    found.forEach(function (f, k) {
      var item = el('li'), button = el('button', 'mapper-result');
      button.type = 'button';
      if (f.place) {
        button.appendChild(el('span', 'mapper-result-kind', f.place.kind));
        button.appendChild(el('span', null, f.place.name));
        button.addEventListener('click', function () {
          var b = f.place.bounds;
          if (b.getNorth() === b.getSouth()) { state.map.setView(b.getCenter(), Math.max(state.map.getZoom(), 11), { animate: false }); }
          else { state.map.fitBounds(b, { animate: false }); }
        });
      } else {
        var p = props[f.i];
        button.appendChild(swatch(inc.types[inc.t[f.i]]));
        button.appendChild(el('span', null, (p.date || 'no date') + ' \u2014 ' + (p.place || p.loc || '') + ' \u2014 ' + (p.sub || p.type)));
        button.addEventListener('click', function () { M.showIncident(state, f.i); });
      }
      if (k === places && places) { item.className = 'mapper-result-first-incident'; }
      item.appendChild(button);
      results.appendChild(item);
    });
    return found;
  }
  M.search = function (state, query) {
    return search(state, query, state.panel.node.querySelector('.mapper-results'));
  };

  // -- downloads of the shown incidents ----------------------------------------------------
  var CSV_COLUMNS = ['event_id_cnty', 'event_date', 'event_type', 'sub_event_type', 'place', 'location',
    'latitude', 'longitude', 'geo_precision', 'fatalities', 'injuries', 'actors', 'source', 'source_url', 'notes'];
  function csvCell(value) {
    if (value === undefined || value === null) { return ''; }
    var text = String(value);
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) { text = "'" + text; }
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }
  function row(state, i) {
    var p = detail(state, i), inc = state.inc;
    return {
      event_id_cnty: p.id || '', event_date: p.date || '', event_type: p.type, sub_event_type: p.sub || '',
      place: p.place || '', location: p.loc || '', latitude: inc.lat[i], longitude: inc.lon[i],
      geo_precision: p.prec || 1, fatalities: p.fat, injuries: p.inj,
      actors: (p.actors || []).join('; '), source: p.src ? p.src[0] : '', source_url: p.src ? p.src[1] : '',
      notes: p.quote || ''
    };
  }
  M.exportText = function (state, kind) {
    var order = shownIndices(state);
    if (kind === 'csv') {
      var lines = [CSV_COLUMNS.join(',')];
      order.forEach(function (i) {
        var r = row(state, i);
        lines.push(CSV_COLUMNS.map(function (c) { return csvCell(r[c]); }).join(','));
      });
      return lines.join('\r\n') + '\r\n';
    }
    var features = order.map(function (i) {
      var r = row(state, i), props = {};
      CSV_COLUMNS.forEach(function (c) { if (c !== 'latitude' && c !== 'longitude') { props[c] = r[c]; } });
      return { type: 'Feature', geometry: { type: 'Point', coordinates: [r.longitude, r.latitude] }, properties: props };
    });
    return JSON.stringify({ type: 'FeatureCollection', features: features });
  };
  M.download = function (state, kind) {
    if (!detailsReady(state)) { return later(state, M.download)(state, kind); }
    var text = M.exportText(state, kind);
    var blob = new Blob([text], { type: kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/geo+json' });
    var a = el('a'), url = URL.createObjectURL(blob);
    a.href = url;
    a.download = 'incidents.' + (kind === 'csv' ? 'csv' : 'geojson');
    a.hidden = true;
    state.root.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  };

  // -- the time window ---------------------------------------------------------------------
  M.timeWindow = function (map, opts) {
    var state = M.state(map), node = M.panel(map, { element: opts.element, position: 'bottomcenter' });
    var inc = state.inc, last = inc.dates.length - 1, timer = null;
    var from = node.querySelector('input[data-end=from]'), to = node.querySelector('input[data-end=to]');
    var label = node.querySelector('.mapper-time-label'), play = node.querySelector('[data-act=play]');
    [from, to].forEach(function (input) { input.min = 0; input.max = last; input.step = 1; });
    from.value = 0; to.value = last;
    function apply(changed) {
      var lo = Number(from.value), hi = Number(to.value);
      if (lo > hi) { if (changed === from) { to.value = hi = lo; } else { from.value = lo = hi; } }
      inc.lo = lo; inc.hi = hi; inc.full = lo === 0 && hi === last;
      label.textContent = (lo === hi ? inc.dates[lo] : inc.dates[lo] + ' \u2013 ' + inc.dates[hi]);
      from.setAttribute('aria-valuetext', inc.dates[lo]); to.setAttribute('aria-valuetext', inc.dates[hi]);
      refilter(state);
    }
    function shift(by) {
      var lo = Number(from.value), hi = Number(to.value), width = hi - lo;
      if (lo === 0 && hi === last) { width = Math.max(0, Math.round(last / 10)); lo = by > 0 ? -1 : last - width + 1; hi = lo + width; }
      lo = Math.max(0, Math.min(lo + by, last - width)); hi = lo + width;
      from.value = lo; to.value = hi; apply();
      return hi < last;
    }
    function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = '\u25B6'; play.setAttribute('aria-label', 'Play'); }
    from.addEventListener('input', function () { apply(from); });
    to.addEventListener('input', function () { apply(to); });
    node.querySelector('[data-act=back]').addEventListener('click', function () { stop(); shift(-1); });
    node.querySelector('[data-act=forward]').addEventListener('click', function () { stop(); shift(1); });
    node.querySelector('[data-act=all]').addEventListener('click', function () { stop(); from.value = 0; to.value = last; apply(); });
    play.addEventListener('click', function () {
      if (timer) { stop(); return; }
      if (Number(to.value) >= last && !(Number(from.value) === 0)) { from.value = 0; to.value = Number(to.value) - Number(from.value); }
      play.textContent = '\u275A\u275A'; play.setAttribute('aria-label', 'Pause');
      if (!shift(1)) { stop(); return; }
      timer = setInterval(function () { if (!shift(1)) { stop(); } }, opts.interval || 900);
    });
    state.time = { node: node, apply: apply, from: from, to: to };
    apply();
    return node;
  };

  /* Show the incidents dated from `lo` to `hi` (date strings; null: open end). */
  M.setWindow = function (state, lo, hi) {
    var inc = state.inc, t = state.time, a = 0, b = inc.dates.length - 1;
    inc.dates.forEach(function (d, k) { if (lo && d < lo) { a = k + 1; } if (hi && d <= hi) { b = k; } });
    t.from.value = a; t.to.value = b; t.apply();
  };

  // -- tools: fullscreen, print -----------------------------------------------------------
  M.tools = function (map, opts) {
    var state = M.state(map), node = M.panel(map, { element: opts.element, position: 'topleft' });
    var target = state.root.classList && state.root.classList.contains('mapper-fragment') ? state.root : map.getContainer();
    var full = node.querySelector('[data-act=fullscreen]');
    function sync() {
      var on = document.fullscreenElement === target || target.classList.contains('mapper-fullscreen');
      full.setAttribute('aria-pressed', on ? 'true' : 'false');
      full.title = on ? 'Leave full screen' : 'Full screen';
      setTimeout(function () { map.invalidateSize({ pan: false }); }, 0);
    }
    full.addEventListener('click', function () {
      if (document.fullscreenElement === target) { document.exitFullscreen(); return; }
      if (target.classList.contains('mapper-fullscreen')) { target.classList.remove('mapper-fullscreen'); sync(); return; }
      var request = target.requestFullscreen ? target.requestFullscreen() : null;
      if (request && request.catch) {
        request.catch(function () { target.classList.add('mapper-fullscreen'); sync(); });
      } else if (!request) { target.classList.add('mapper-fullscreen'); sync(); }
    });
    document.addEventListener('fullscreenchange', sync);
    node.querySelector('[data-act=print]').addEventListener('click', function () { window.print(); });
    return node;
  };

  // -- ready ---------------------------------------------------------------------------------
  function markReady(state) {
    if (!state.finished) { return; }
    state.ready = true;
    state.map.getContainer().setAttribute('data-mapper-ready', 'true');
  }

  // The paddings [left, top], [right, bottom] that keep a view clear of the controls.
  function freeArea(map) {
    var c = map._controlCorners, size = map.getSize(), narrow = size.x < NARROW;
    var h = function (n) { return n ? n.offsetHeight : 0; };
    var right = narrow || !c.topright ? 20 : c.topright.offsetWidth + 24;
    var top = h(c.topcenter) + 16, bottom = h(c.bottomcenter) + 24;
    if (narrow) { bottom += h(c.topright) + 8; }
    return [[56, top], [right, bottom]];
  }

  M.finish = function (map, opts) {
    var state = M.state(map);
    if (opts.bounds) {
      var free = freeArea(map);
      map.fitBounds(opts.bounds, { paddingTopLeft: free[0], paddingBottomRight: free[1], animate: false, maxZoom: 12 });
    }
    bordersToBack(state);
    state.finished = true;
    if (state.points) { state.points.redraw(); } else { markReady(state); }
  };

  // -- counts a person could check -----------------------------------------------------
  /* Incidents drawn in the map's view in the last frame (numbered circles count theirs). */
  M.visibleCount = function (state) { return state.inc ? state.inc.drawn : 0; };
  /* Incidents that pass the layer switches and the time window. */
  M.shownCount = function (state) { return state.inc ? state.inc.shown : 0; };
  function indexOf(state, id) {
    var props = details(state);
    for (var i = 0; i < props.length; i++) { if (props[i].id === id) { return i; } }
    return -1;
  }
  function clientPoint(state, h) {
    var hits = state.points._hits, map = state.map, origin = map.getPixelOrigin();
    var p = map.layerPointToContainerPoint([h.x + hits.ox - origin.x, h.y + hits.oy - origin.y]);
    var box = map.getContainer().getBoundingClientRect();
    return [p.x + box.left, p.y + box.top];
  }
  /* Where the incident `id` is drawn as a marker of its own in the last frame (client
   * pixels), or null when it is not (inside a numbered circle, filtered out, off screen). */
  M.markerAt = function (state, id) {
    var i = indexOf(state, id), items = state.points._hits ? state.points._hits.items : [];
    for (var k = items.length - 1; k >= 0; k--) {
      if (items[k].i === i) { return clientPoint(state, items[k]); }
    }
    return null;
  };
  /* Where the numbered circle holding the incident `id` is drawn, or null. */
  M.groupAt = function (state, id) {
    var i = indexOf(state, id), items = state.points._hits ? state.points._hits.items : [];
    for (var k = 0; k < items.length; k++) {
      if (items[k].item && items[k].item.m.indexOf(i) >= 0) { return clientPoint(state, items[k]); }
    }
    return null;
  };
})(window.L);
