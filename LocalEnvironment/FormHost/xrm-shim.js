// The Xrm client API subset Rapport's web resources use, over the local environment's Web API.
// The host page sets window.__rapportLocal = { token?, clientUrl, userId, userName, callerId?, languageId, organizationId, sets }.
// Without a token (a page opened with the sign-in session cookie) calls go same-origin and the browser sends the cookie.
// callerId (the page's &user=) goes out as MSCRMCallerID, so every call runs as that user, as Dataverse impersonation does.
(function () {
  "use strict";
  var cfg = window.__rapportLocal;
  var api = cfg.clientUrl + "/api/data/v9.2/";

  function setOf(table) {
    return cfg.sets[table] || table + "s";
  }

  function bare(id) {
    return String(id).replace(/[{}]/g, "");
  }

  function call(method, path, body, prefer) {
    var headers = {
      Accept: "application/json",
      "OData-Version": "4.0",
      "OData-MaxVersion": "4.0"
    };
    if (cfg.token) headers.Authorization = "Bearer " + cfg.token;
    if (body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    if (prefer) headers.Prefer = prefer;
    if (cfg.callerId) headers.MSCRMCallerID = cfg.callerId;
    return fetch(api + path, { method: method, headers: headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (response) {
        if (response.ok) return response;
        return response.json().catch(function () { return { error: { code: "0x80040216", message: response.statusText } }; })
          .then(function (payload) {
            var error = new Error(payload.error.message);
            error.errorCode = parseInt(payload.error.code, 16);
            error.code = error.errorCode;
            throw error;
          });
      });
  }

  function idFrom(response) {
    var location = response.headers.get("OData-EntityId") || "";
    return location.substring(location.lastIndexOf("(") + 1, location.length - 1);
  }

  function literal(value) {
    if (typeof value === "string") return "'" + value.replace(/'/g, "''") + "'";
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  var annotations = 'odata.include-annotations="*"';

  var webApi = {
    retrieveRecord: function (table, id, options) {
      return call("GET", setOf(table) + "(" + bare(id) + ")" + (options || ""), undefined, annotations).then(function (r) { return r.json(); });
    },
    retrieveMultipleRecords: function (table, options, maxPageSize) {
      var path = options && options.indexOf(api) === 0 ? options.substring(api.length) : setOf(table) + (options || "");
      var prefer = annotations + (maxPageSize ? ",odata.maxpagesize=" + maxPageSize : "");
      return call("GET", path, undefined, prefer).then(function (r) { return r.json(); }).then(function (body) {
        return { entities: body.value, nextLink: body["@odata.nextLink"] };
      });
    },
    createRecord: function (table, data) {
      return call("POST", setOf(table), data).then(function (r) { return { entityType: table, id: idFrom(r) }; });
    },
    updateRecord: function (table, id, data) {
      return call("PATCH", setOf(table) + "(" + bare(id) + ")", data).then(function () { return { entityType: table, id: bare(id) }; });
    },
    deleteRecord: function (table, id) {
      return call("DELETE", setOf(table) + "(" + bare(id) + ")").then(function () { return { entityType: table, id: bare(id) }; });
    },
    online: {
      // Custom APIs: operationType 0 = action (POST with a JSON body), 1 = function (GET with aliased parameters).
      execute: function (request) {
        var metadata = request.getMetadata();
        var prefix = "";
        if (metadata.boundParameter === "entity" && request.entity) {
          prefix = setOf(request.entity.entityType) + "(" + bare(request.entity.id) + ")/Microsoft.Dynamics.CRM.";
        }
        var names = Object.keys(metadata.parameterTypes || {}).filter(function (n) { return n !== "entity" && request[n] !== undefined; });
        if (metadata.operationType === 1) {
          var params = names.map(function (n, i) { return n + "=@p" + i; }).join(",");
          var query = names.map(function (n, i) { return "@p" + i + "=" + encodeURIComponent(literal(request[n])); }).join("&");
          return call("GET", prefix + metadata.operationName + "(" + params + ")" + (query ? "?" + query : ""));
        }
        var body = {};
        names.forEach(function (n) { body[n] = request[n]; });
        return call("POST", prefix + metadata.operationName, body);
      }
    }
  };
  webApi.retrieveRecord.online = webApi.retrieveRecord;

  var globalContext = {
    userSettings: {
      userId: "{" + cfg.userId.toUpperCase() + "}",
      userName: cfg.userName,
      languageId: cfg.languageId,
      securityRolePrivileges: [],
      roles: { getAll: function () { return []; } }
    },
    organizationSettings: { organizationId: "{" + cfg.organizationId.toUpperCase() + "}", languageId: cfg.languageId },
    getClientUrl: function () { return cfg.clientUrl; },
    getVersion: function () { return "9.2.0.0"; },
    getUserId: function () { return "{" + cfg.userId.toUpperCase() + "}"; },
    getUserLcid: function () { return cfg.languageId; }
  };

  // Dialogs are drawn in the page (a native alert would block the page and hide what a test should see).
  function dialog(title, text, buttons) {
    return new Promise(function (resolve) {
      var box = document.createElement("div");
      box.setAttribute("role", "alertdialog");
      box.setAttribute("aria-modal", "true");
      box.className = "xrm-dialog";
      box.style.cssText = "position:fixed;inset:20% 10% auto 10%;background:#fff;border:1px solid #888;padding:16px;z-index:10;box-shadow:0 4px 16px rgba(0,0,0,.3)";
      var h = document.createElement("h2");
      h.textContent = title || "";
      var p = document.createElement("p");
      p.textContent = text || "";
      box.appendChild(h);
      box.appendChild(p);
      buttons.forEach(function (b, i) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = b.label;
        button.addEventListener("click", function () { box.remove(); resolve(b.value); });
        box.appendChild(button);
        if (i === 0) setTimeout(function () { button.focus(); }, 0);
      });
      document.body.appendChild(box);
    });
  }

  var navigation = {
    openConfirmDialog: function (strings) {
      strings = strings || {};
      return dialog(strings.title, strings.text, [
        { label: strings.confirmButtonLabel || "OK", value: { confirmed: true } },
        { label: strings.cancelButtonLabel || "Cancel", value: { confirmed: false } }
      ]);
    },
    openAlertDialog: function (strings) {
      strings = strings || {};
      return dialog(strings.title, strings.text, [{ label: strings.confirmButtonLabel || "OK", value: undefined }]);
    },
    openErrorDialog: function (options) {
      options = options || {};
      return dialog("Error", options.message || options.details || "", [{ label: "OK", value: undefined }]);
    },
    openForm: function (options) {
      var url = "/main.aspx?etn=" + encodeURIComponent(options.entityName) + "&id=" + encodeURIComponent(bare(options.entityId)) + (cfg.token ? "&token=" + encodeURIComponent(cfg.token) : "")
        + (cfg.callerId ? "&user=" + encodeURIComponent(cfg.callerId) : "");
      window.top.location.href = url;
      return Promise.resolve({ savedEntityReference: [] });
    }
  };

  window.Xrm = {
    WebApi: webApi,
    Navigation: navigation,
    Utility: { getGlobalContext: function () { return globalContext; } },
    Page: { context: globalContext }
  };
  window.GetGlobalContext = function () { return globalContext; };

  // The form: a formContext for the record, a command bar, and the OnLoad handler of a Rapport form.
  var form = cfg.form;
  if (!form) return;

  var commandBar = { refresh: function () {} };
  var formContext = {
    data: {
      entity: {
        getId: function () { return "{" + form.id.toUpperCase() + "}"; },
        getEntityName: function () { return form.table; },
        getPrimaryAttributeValue: function () { return form.name; },
        addOnPostSave: function () {},
        removeOnPostSave: function () {}
      }
    },
    ui: {
      refreshRibbon: function () { commandBar.refresh(); }
    },
    getControl: function (name) {
      var frame = document.getElementById(name);
      if (!frame || frame.tagName !== "IFRAME") return null;
      return {
        getName: function () { return name; },
        getContentWindow: function () { return Promise.resolve(frame.contentWindow); }
      };
    }
  };
  window.Xrm.Page.data = formContext.data;
  window.Xrm.Page.ui = formContext.ui;
  window.Xrm.Page.getControl = formContext.getControl;
  window.__rapportForm = formContext;

  // Two ribbon buttons as the solution ships them: Follow and Unfollow, both calling toggle with PrimaryControl.
  commandBar.refresh = function () {
    var bar = document.getElementById("commandbar");
    var follow = window.Rapport && window.Rapport.Commands && window.Rapport.Commands.Follow;
    if (!bar || !follow) return Promise.resolve();
    var buttons = [
      { id: "command-follow", visible: follow.isFollowVisible },
      { id: "command-unfollow", visible: follow.isUnfollowVisible }
    ];
    return Promise.all([follow.isEnabled(formContext)].concat(buttons.map(function (b) { return b.visible(formContext); })).concat([follow.label(formContext), follow.icon(formContext), follow.tooltip(formContext)]))
      .then(function (r) {
        var enabled = r[0], label = r[3], icon = r[4], tooltip = r[5];
        var hadFocus = bar.contains(document.activeElement);
        while (bar.firstChild) bar.removeChild(bar.firstChild);
        buttons.forEach(function (b, i) {
          if (!enabled || !r[i + 1]) return;
          var button = document.createElement("button");
          button.type = "button";
          button.id = b.id;
          button.title = tooltip;
          var img = document.createElement("img");
          img.src = "/WebResources/" + icon;
          img.alt = "";
          button.appendChild(img);
          button.appendChild(document.createTextNode(label));
          button.addEventListener("click", function () {
            button.disabled = true;
            follow.toggle(formContext);
          });
          bar.appendChild(button);
          if (hadFocus) button.focus();
        });
        bar.setAttribute("data-ready", "true");
      });
  };

  window.addEventListener("load", function () {
    commandBar.refresh();
    var executionContext = { getFormContext: function () { return formContext; }, getEventSource: function () { return formContext; } };
    var feedHost = window.Rapport && window.Rapport.Forms && window.Rapport.Forms.FeedHost;
    if (feedHost) {
      feedHost.onLoad(executionContext, form.controls.join(","));
    } else {
      form.controls.forEach(function (name) {
        var frame = document.getElementById(name);
        var w = frame && frame.contentWindow;
        if (w && typeof w.setClientApiContext === "function") w.setClientApiContext(window.Xrm, formContext);
      });
    }
  });
})();
