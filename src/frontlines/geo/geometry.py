"""Great-circle arithmetic on a spherical Earth (good to about 0.5% for these distances)."""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088

BEARINGS: dict[str, float] = {
    "north": 0.0,
    "northeast": 45.0,
    "east": 90.0,
    "southeast": 135.0,
    "south": 180.0,
    "southwest": 225.0,
    "west": 270.0,
    "northwest": 315.0,
}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance between two points in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def destination(lat: float, lon: float, *, bearing: float, km: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) along the initial ``bearing`` (degrees from north)."""
    delta = km / EARTH_RADIUS_KM
    theta = math.radians(bearing)
    phi1, lambda1 = math.radians(lat), math.radians(lon)
    phi2 = math.asin(
        math.sin(phi1) * math.cos(delta) + math.cos(phi1) * math.sin(delta) * math.cos(theta)
    )
    lambda2 = lambda1 + math.atan2(
        math.sin(theta) * math.sin(delta) * math.cos(phi1),
        math.cos(delta) - math.sin(phi1) * math.sin(phi2),
    )
    return math.degrees(phi2), (math.degrees(lambda2) + 540.0) % 360.0 - 180.0


def midpoint(lat1: float, lon1: float, lat2: float, lon2: float) -> tuple[float, float]:
    """The point halfway along the great circle between two points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    lambda1 = math.radians(lon1)
    dlambda = math.radians(lon2 - lon1)
    bx = math.cos(phi2) * math.cos(dlambda)
    by = math.cos(phi2) * math.sin(dlambda)
    phi3 = math.atan2(math.sin(phi1) + math.sin(phi2), math.hypot(math.cos(phi1) + bx, by))
    lambda3 = lambda1 + math.atan2(by, math.cos(phi1) + bx)
    return math.degrees(phi3), (math.degrees(lambda3) + 540.0) % 360.0 - 180.0
