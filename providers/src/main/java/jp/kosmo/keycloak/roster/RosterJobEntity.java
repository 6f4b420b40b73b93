package jp.kosmo.keycloak.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A roster import ({@code KOSMO_ROSTER_JOB}); not final with a no-argument constructor for Hibernate. */
@Entity
@Table(name = "KOSMO_ROSTER_JOB")
@NamedQueries({
        @NamedQuery(name = RosterJobEntity.RUNNING, query = "select j from RosterJobEntity j where j.state = 'RUNNING'"),
        @NamedQuery(name = RosterJobEntity.TAKE_PDF,
                query = "update RosterJobEntity j set j.pdfTaken = true, j.version = j.version + 1 where j.id = :id and j.pdfTaken = false"),
        @NamedQuery(name = RosterJobEntity.TAKE_CSV,
                query = "update RosterJobEntity j set j.csvTaken = true, j.version = j.version + 1 where j.id = :id and j.csvTaken = false")
})
public class RosterJobEntity {

    static final String RUNNING = "kosmoRosterRunningJobs";
    static final String TAKE_PDF = "kosmoRosterTakePdf";
    static final String TAKE_CSV = "kosmoRosterTakeCsv";

    public enum State { STAGING, RUNNING, DONE }

    @Id
    @Column(name = "ID", length = 36)
    String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    String realmId;

    @Column(name = "CREATED_AT", nullable = false)
    long createdAt;

    @Column(name = "CREATED_BY", length = 36)
    String createdBy;

    @Column(name = "STATE", length = 16, nullable = false)
    String state;

    @Column(name = "DRY_RUN", nullable = false)
    boolean dryRun;

    @Column(name = "CHARSET", length = 32)
    String charset;

    @Column(name = "TOTAL", nullable = false)
    int total;

    @Column(name = "SEAL_KEY_ID", length = 36)
    String sealKeyId;

    @Column(name = "PDF_TAKEN", nullable = false)
    boolean pdfTaken;

    @Column(name = "CSV_TAKEN", nullable = false)
    boolean csvTaken;

    @Version
    @Column(name = "VERSION", nullable = false)
    int version;

    protected RosterJobEntity() {
    }

    RosterJobEntity(String id, String realmId, long createdAt, String createdBy, boolean dryRun, String sealKeyId) {
        this.id = id;
        this.realmId = realmId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.state = State.STAGING.name();
        this.dryRun = dryRun;
        this.sealKeyId = sealKeyId;
    }
}
