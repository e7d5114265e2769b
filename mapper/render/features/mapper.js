/* mapper's map code, inlined into every map: shaped canvas markers, incident layers,
 * popups built from DOM nodes (never innerHTML with data), border layers, controls and
 * the time slider. Page data is read from the JSON data elements of the page.
 * window.MapperMap.instances lists each map's state, for tests and the curious. */
(function (L) {
  'use strict';

  var M = window.MapperMap = { instances: [] };
  var POPUP_MAX = 10;

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
  M.readData = function (id) {
    return JSON.parse(document.getElementById(id).textContent);
  };
  M.state = function (map) {
    if (!map._mapper) {
      map._mapper = {
        map: map, layers: [], registry: {}, cluster: null, borders: [], heat: null,
        types: {}, sizes: null, expected: 0, pending: 0
      };
      M.instances.push(map._mapper);
    }
    return map._mapper;
  };

  // -- shaped markers: circle markers drawn as a polygon (points for radius 1) ----------
  function shapePoints(layer) {
    var p = layer._point, r = layer._radius;
    return layer.options.shape.map(function (v) { return [p.x + v[0] * r, p.y + v[1] * r]; });
  }
  var ShapeMarker = L.CircleMarker.extend({
    options: { shape: null },
    _updateBounds: function () {
      var r = this._radius * 1.4 + this._clickTolerance(), p = this._point;
      this._pxBounds = new L.Bounds(p.subtract([r, r]), p.add([r, r]));
    },
    _updatePath: function () {
      if (!this.options.shape) { return L.CircleMarker.prototype._updatePath.call(this); }
      this._renderer._updateMapperShape(this);
    }
  });
  L.Canvas.include({
    _updateMapperShape: function (layer) {
      if (!this._drawing || layer._empty()) { return; }
      var ctx = this._ctx, pts = shapePoints(layer);
      ctx.beginPath();
      ctx.moveTo(pts[0][0], pts[0][1]);
      for (var i = 1; i < pts.length; i++) { ctx.lineTo(pts[i][0], pts[i][1]); }
      ctx.closePath();
      this._fillStroke(ctx, layer);
    }
  });
  L.SVG.include({
    _updateMapperShape: function (layer) {
      var d = layer._empty() ? 'M0 0' : 'M' + shapePoints(layer).map(function (p) {
        return p[0].toFixed(1) + ' ' + p[1].toFixed(1);
      }).join('L') + 'z';
      this._setPath(layer, d);
    }
  });
  M.ShapeMarker = ShapeMarker;

  function radius(sizes, fatalities) {
    var r = sizes.base + sizes.scale * Math.sqrt(fatalities || 0);
    return Math.min(r, sizes.max);
  }
  function markerOptions(style, sizes, props) {
    var approximate = (props.prec || 1) >= 2;
    return {
      shape: style.shape,
      radius: radius(sizes, props.fat),
      fillColor: style.color,
      fillOpacity: approximate ? 0.3 : 0.85,
      color: approximate ? style.color : '#ffffff',
      weight: approximate ? 2 : 1,
      opacity: 1,
      dashArray: approximate ? '4 3' : null
    };
  }

  // -- incidents --------------------------------------------------------------------------
  M.incidentLayer = function (map, opts) {
    var state = M.state(map), data = M.readData(opts.data), markers = [];
    state.types[opts.type] = opts.style;
    state.sizes = opts.sizes;
    data.features.forEach(function (feature) {
      var c = feature.geometry.coordinates;
      var marker = new ShapeMarker([c[1], c[0]], markerOptions(opts.style, opts.sizes, feature.properties));
      marker.feature = feature;
      marker._mapperKey = c[1] + ',' + c[0];
      marker._mapperActive = true;
      (state.registry[marker._mapperKey] = state.registry[marker._mapperKey] || []).push(marker);
      markers.push(marker);
    });
    // A sub-group hands its markers to the cluster in one batch when it is switched on.
    var group = opts.cluster ? L.featureGroup.subGroup(opts.cluster, markers) : L.featureGroup(markers);
    markers.forEach(function (m) { m._mapperGroup = group; });
    group.on('click', function (e) { M.openPopup(state, e.propagatedFrom || e.layer); });
    state.layers.push({ type: opts.type, group: group, markers: markers, clustered: !!opts.cluster });
    state.expected += markers.length;
    return group;
  };

  M.cluster = function (map, options) {
    var state = M.state(map);
    options.chunkProgress = function (done, total) {
      state.pending = done < total ? total - done : 0;
      if (!state.pending) { M.markReady(state); }
    };
    state.cluster = L.markerClusterGroup(options);
    return state.cluster;
  };

  function shown(state, marker) {
    return marker._mapperActive && state.map.hasLayer(marker._mapperGroup);
  }

  M.openPopup = function (state, marker) {
    if (!marker || !marker.feature) { return; }
    var others = (state.registry[marker._mapperKey] || []).filter(function (m) {
      return m !== marker && shown(state, m);
    });
    others.sort(function (a, b) {
      var x = a.feature.properties.date || '', y = b.feature.properties.date || '';
      return x < y ? -1 : x > y ? 1 : 0;
    });
    var list = [marker].concat(others), box = el('div', 'mapper-popup');
    if (list.length > 1) {
      box.appendChild(el('div', 'mapper-popup-count', list.length + ' incidents at this place'));
    }
    list.slice(0, POPUP_MAX).forEach(function (m) {
      box.appendChild(M.incidentCard(state, m.feature.properties));
    });
    if (list.length > POPUP_MAX) {
      box.appendChild(el('div', 'mapper-popup-count', 'and ' + (list.length - POPUP_MAX) + ' more'));
    }
    L.popup({
      maxWidth: 380, minWidth: 240, maxHeight: 360,
      autoPanPaddingTopLeft: [60, 90], autoPanPaddingBottomRight: [40, 40]
    })
      .setLatLng(marker.getLatLng()).setContent(box).openOn(state.map);
  };

  function swatch(style) {
    var ns = 'http://www.w3.org/2000/svg', svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '14'); svg.setAttribute('height', '14');
    svg.setAttribute('viewBox', '-7 -7 14 14');
    svg.setAttribute('class', 'mapper-swatch');
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

  M.incidentCard = function (state, p) {
    var card = el('div', 'mapper-incident');
    var head = el('div', 'mapper-incident-type');
    head.appendChild(swatch(state.types[p.type] || { color: '#666', shape: null }));
    head.appendChild(document.createTextNode(' ' + p.type));
    card.appendChild(head);
    if (p.sub) { card.appendChild(el('div', 'mapper-incident-sub', p.sub)); }
    var facts = el('dl', 'mapper-facts');
    fact(facts, 'Date', p.date || 'unknown');
    var place = p.loc || '';
    if (PRECISION[p.prec]) { place += (place ? ' (' : '(') + PRECISION[p.prec] + ')'; }
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
  M.borderLayer = function (map, opts) {
    var state = M.state(map), data = M.readData(opts.data);
    var layer = L.geoJSON(data, {
      style: function (f) { return opts.colors ? L.extend({}, opts.style, { fillColor: colorFor(opts, f) }) : opts.style; },
      onEachFeature: function (f, l) {
        var text = f.properties.label;
        if (opts.count) { text += ': ' + (f.properties.count || 0) + ' incident' + (f.properties.count === 1 ? '' : 's'); }
        l.bindTooltip(document.createTextNode(text), { sticky: true, direction: 'top' });
      },
      interactive: true,
      bubblingMouseEvents: true
    });
    state.borders.push({ layer: layer, order: opts.order });
    return layer;
  };
  function colorFor(opts, feature) {
    var n = feature.properties.count || 0, color = 'transparent';
    opts.breaks.forEach(function (b, i) { if (n >= b) { color = opts.colors[i]; } });
    return color;
  }
  // One canvas draws every vector layer, in the order added: keep borders beneath markers.
  function bordersToBack(state) {
    state.borders.slice().sort(function (a, b) { return b.order - a.order; }).forEach(function (b) {
      if (state.map.hasLayer(b.layer)) { b.layer.bringToBack(); }
    });
  }

  // -- controls: panels rendered in the page, mounted on the map ------------------------
  M.panel = function (map, opts) {
    if (opts.position === 'topcenter' && !map._controlCorners.topcenter) {
      map._controlCorners.topcenter = L.DomUtil.create('div', 'leaflet-top mapper-center', map._controlContainer);
    }
    var Panel = L.Control.extend({
      onAdd: function () {
        var node = document.getElementById(opts.element);
        node.hidden = false;
        L.DomEvent.disableClickPropagation(node);
        L.DomEvent.disableScrollPropagation(node);
        return node;
      }
    });
    return new Panel({ position: opts.position }).addTo(map);
  };

  M.timeSlider = function (map, opts) {
    var state = M.state(map), dates = opts.dates;
    var node = document.getElementById(opts.element);
    var input = node.querySelector('input'), label = node.querySelector('.mapper-time-label');
    var play = node.querySelector('button'), timer = null;
    input.min = 0; input.max = dates.length; input.value = dates.length;
    function apply() {
      var index = Number(input.value), limit = index < dates.length ? dates[index] : null;
      state.layers.forEach(function (layer) {
        var add = [], remove = [];
        layer.markers.forEach(function (m) {
          var date = m.feature.properties.date, on = limit === null || (!!date && date <= limit);
          if (on !== m._mapperActive) { m._mapperActive = on; (on ? add : remove).push(m); }
        });
        setMembers(state, layer, add, remove);
      });
      if (state.heat) { state.heat.setLatLngs(activeLatLngs(state)); }
      label.textContent = limit === null ? 'All dates' : 'Up to ' + limit;
    }
    input.addEventListener('input', apply);
    play.addEventListener('click', function () {
      if (timer) { clearInterval(timer); timer = null; play.textContent = '\u25B6'; return; }
      if (Number(input.value) >= dates.length) { input.value = 0; apply(); }
      play.textContent = '\u275A\u275A';
      timer = setInterval(function () {
        input.value = Number(input.value) + 1; apply();
        if (Number(input.value) >= dates.length) { clearInterval(timer); timer = null; play.textContent = '\u25B6'; }
      }, 800);
    });
    M.panel(map, opts);
    apply();
  };

  // Change which markers a layer holds; a clustered layer's changes go to the cluster in
  // one batch (a sub-group would pass them on one by one).
  function setMembers(state, layer, add, remove) {
    if (!layer.clustered) {
      remove.forEach(function (m) { layer.group.removeLayer(m); });
      add.forEach(function (m) { layer.group.addLayer(m); });
      return;
    }
    var members = layer.group._layers;
    remove.forEach(function (m) { delete members[L.stamp(m)]; });
    add.forEach(function (m) { members[L.stamp(m)] = m; });
    if (state.map.hasLayer(layer.group)) {
      state.cluster.removeLayers(remove);
      state.cluster.addLayers(add);
    }
  }

  function activeLatLngs(state) {
    var out = [];
    state.layers.forEach(function (layer) {
      layer.markers.forEach(function (m) { if (m._mapperActive) { out.push(m.getLatLng()); } });
    });
    return out;
  }

  M.heat = function (map, opts) {
    var state = M.state(map), data = M.readData(opts.data);
    state.heat = L.heatLayer(data, opts.options);
    return state.heat;
  };

  M.minimap = function (map, opts) {
    var layer = L.geoJSON(M.readData(opts.data), { style: opts.style, interactive: false });
    return new L.Control.MiniMap(layer, opts.options).addTo(map);
  };

  M.markReady = function (state) {
    if (state.pending) { return; }
    state.map.getContainer().setAttribute('data-mapper-ready', 'true');
  };

  // Fit the incidents into the part of the map that the panels leave free.
  function fit(map, bounds) {
    var c = map._controlCorners, w = function (n) { return n ? n.offsetWidth : 0; };
    var h = function (n) { return n ? n.offsetHeight : 0; };
    var left = w(c.topleft) + 10, top = Math.max(h(c.topcenter), h(c.topleft)) + 10;
    var right = Math.max(w(c.topright), w(c.bottomright)) + 10, bottom = h(c.bottomleft) + 10;
    var size = map.getSize();
    if (left + right > size.x * 0.7) { left = right = 20; }
    if (top + bottom > size.y * 0.7) { top = bottom = 20; }
    map.fitBounds(bounds, { paddingTopLeft: [left, top], paddingBottomRight: [right, bottom], animate: false });
  }

  M.finish = function (map, opts) {
    var state = M.state(map);
    if (opts.bounds) { fit(map, opts.bounds); }
    map.on('overlayadd', function () { bordersToBack(state); });
    bordersToBack(state);
    M.markReady(state);
  };

  // -- counts a person could check -----------------------------------------------------
  M.visibleCount = function (state) {
    var count = 0;
    if (state.cluster) {
      state.cluster._featureGroup.getLayers().forEach(function (l) {
        count += l.getChildCount ? l.getChildCount() : 1;
      });
      return count;
    }
    state.layers.forEach(function (layer) {
      if (state.map.hasLayer(layer.group)) { count += layer.group.getLayers().length; }
    });
    return count;
  };
})(window.L);
