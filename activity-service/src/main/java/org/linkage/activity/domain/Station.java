package org.linkage.activity.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linkage.chassis.i18n.Language;
import org.linkage.events.GeoPoint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fixed place where activities happen: a community centre, a community hospital, a school. */
@Entity
@Table(name = "station")
public class Station {

    @Id
    public UUID id;

    /** The zh-CN label, the station's name as the district writes it. */
    public String name;

    /** The English label; null when none was given (English readers then read the zh-CN label). */
    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public StationKind kind;

    public String address;

    public double latitude;

    public double longitude;

    public String community;

    @Column(name = "partner_organisations")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> partnerOrganisations = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "station_opening_hours", joinColumns = @JoinColumn(name = "station_id"))
    @OrderColumn(name = "position")
    public List<OpeningHours> openingHours = new ArrayList<>();

    /** When an admin retired it: it takes no new activity; what refers to it keeps it. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The label in this language: the English one when asked for and given, else the zh-CN name. */
    public String label(Language language) {
        return label(name, nameEn, language);
    }

    /** A station's label in this language, from its zh-CN name and its English one (null when none). */
    public static String label(String name, String nameEn, Language language) {
        return language == Language.EN && nameEn != null ? nameEn : name;
    }

    public GeoPoint location() {
        return new GeoPoint(latitude, longitude);
    }
}
