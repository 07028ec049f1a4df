// The Xrm client API subset Rapport's web resources use, over the local environment's Web API.
// The host page sets window.__rapportLocal = { token, clientUrl, userId, userName, languageId, organizationId, sets }.
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
      Authorization: "Bearer " + cfg.token,
      Accept: "application/json",
      "OData-Version": "4.0",
      "OData-MaxVersion": "4.0"
    };
    if (body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    if (prefer) headers.Prefer = prefer;
    return fetch(api + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
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

  window.Xrm = {
    WebApi: webApi,
    Utility: { getGlobalContext: function () { return globalContext; } },
    Page: { context: globalContext }
  };
  window.GetGlobalContext = function () { return globalContext; };
})();
