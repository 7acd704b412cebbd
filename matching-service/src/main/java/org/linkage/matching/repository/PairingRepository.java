package org.linkage.matching.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.linkage.matching.domain.Pairing;

import java.util.UUID;

@ApplicationScoped
public class PairingRepository implements PanacheRepositoryBase<Pairing, UUID> {
}
